/** The part of an HTTP response the hub writes to (node's ServerResponse fits). */
export interface SseConnection {
  /** False when the chunk was buffered: the client is not reading as fast as we write. */
  write(chunk: string): boolean;
  end(): void;
  /** Closes at once, dropping what is buffered (for a client that stopped reading). */
  destroy(): void;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
  readonly writableLength: number;
}

/** Why the hub dropped a client. */
export type SseDropReason = 'buffer-full' | 'drain-timeout';

/** Options of the SSE hub. */
export interface SseHubOptions {
  /** Loads what a newly connected page must show before live events (its "snapshot" event). */
  loadSnapshot: () => Promise<unknown>;
  /** Interval of the comment lines that keep proxies and the browser from timing out. */
  heartbeatMs: number;
  /** The browser's reconnect delay, sent as the SSE `retry:` field. */
  retryMs?: number;
  /** A client further behind than this many buffered bytes is dropped; it reconnects and resyncs. */
  maxBufferedBytes?: number;
  /**
   * A client whose socket stays full (a write returned false and no `drain` came) this long is
   * dropped. Default 10 s.
   */
  drainTimeoutMs?: number;
  /** Most clients at once; `isFull()` says when a new one must be turned away. Default 100. */
  maxClients?: number;
  /** Told when a client is dropped for not reading. */
  onDrop?: (reason: SseDropReason) => void;
  /** Told when a snapshot cannot be loaded (the client is then closed and will reconnect). */
  onError?: (error: unknown) => void;
}

/** Fans live events out to every connected page over Server-Sent Events. */
export interface SseHub {
  /** Starts a stream on `connection`: retry hint, snapshot, then live events. Returns the detach. */
  attach(connection: SseConnection): () => void;
  /** Sends one named event with a JSON payload to every client. */
  broadcast(event: string, data: unknown): void;
  /** How many pages are connected. */
  clientCount(): number;
  /** True when `maxClients` are connected: the caller answers 503 instead of attaching. */
  isFull(): boolean;
  /** Ends every stream and stops the heartbeat (shutdown); later attaches end at once. */
  close(): void;
}

interface Client {
  connection: SseConnection;
  // Events broadcast while the snapshot loads wait here, then follow it: none is lost or reordered.
  pending: string[] | undefined;
  // Set while the socket is full: fires the drop unless `drain` comes first.
  drainTimer: NodeJS.Timeout | undefined;
  onDrain: () => void;
}

function formatEvent(id: number, event: string, data: unknown): string {
  // JSON.stringify escapes newlines, so the payload is always one `data:` line.
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Creates the hub. Its timer is unref'd, so it never keeps the process alive on its own. */
export function createSseHub(options: SseHubOptions): SseHub {
  const retryMs = options.retryMs ?? 2_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1_000_000;
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
  const maxClients = options.maxClients ?? 100;
  const clients = new Set<Client>();
  let sequence = 0;
  let closed = false;

  const forget = (client: Client) => {
    clearTimeout(client.drainTimer);
    client.drainTimer = undefined;
    client.connection.removeListener('drain', client.onDrain);
    return clients.delete(client);
  };

  const drop = (client: Client) => {
    if (forget(client)) client.connection.end();
  };

  // A client that stopped reading is destroyed, not ended: end() would wait to flush its buffer.
  const dropStalled = (client: Client, reason: SseDropReason) => {
    if (!forget(client)) return;
    client.connection.end();
    client.connection.destroy();
    options.onDrop?.(reason);
  };

  const send = (client: Client, frame: string) => {
    const flushed = client.connection.write(frame);
    if (client.connection.writableLength > maxBufferedBytes) {
      dropStalled(client, 'buffer-full');
      return;
    }
    if (!flushed && client.drainTimer === undefined) {
      client.drainTimer = setTimeout(() => dropStalled(client, 'drain-timeout'), drainTimeoutMs);
      client.drainTimer.unref();
      client.connection.once('drain', client.onDrain);
    }
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (client.pending === undefined) send(client, `: heartbeat ${Date.now()}\n\n`);
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    attach(connection) {
      const client: Client = {
        connection,
        pending: [],
        drainTimer: undefined,
        onDrain: () => {
          clearTimeout(client.drainTimer);
          client.drainTimer = undefined;
        },
      };
      if (closed) {
        connection.end();
        return () => {};
      }
      clients.add(client);
      send(client, `retry: ${retryMs}\n: connected\n\n`);
      options.loadSnapshot().then(
        (snapshot) => {
          if (!clients.has(client)) return;
          const waiting = client.pending ?? [];
          client.pending = undefined;
          send(client, formatEvent(++sequence, 'snapshot', snapshot));
          for (const frame of waiting) send(client, frame);
        },
        (error: unknown) => {
          options.onError?.(error);
          drop(client);
        },
      );
      return () => {
        forget(client);
      };
    },
    broadcast(event, data) {
      if (clients.size === 0) return;
      const frame = formatEvent(++sequence, event, data);
      for (const client of clients) {
        if (client.pending === undefined) send(client, frame);
        else client.pending.push(frame);
      }
    },
    clientCount: () => clients.size,
    isFull: () => clients.size >= maxClients,
    close() {
      closed = true;
      clearInterval(heartbeat);
      for (const client of [...clients]) drop(client);
    },
  };
}
