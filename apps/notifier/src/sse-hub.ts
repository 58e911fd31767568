/** The part of an HTTP response the hub writes to (node's ServerResponse fits). */
export interface SseConnection {
  write(chunk: string): boolean;
  end(): void;
  readonly writableLength: number;
}

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
  /** Ends every stream and stops the heartbeat (shutdown); later attaches end at once. */
  close(): void;
}

interface Client {
  connection: SseConnection;
  // Events broadcast while the snapshot loads wait here, then follow it: none is lost or reordered.
  pending: string[] | undefined;
}

function formatEvent(id: number, event: string, data: unknown): string {
  // JSON.stringify escapes newlines, so the payload is always one `data:` line.
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Creates the hub. Its timer is unref'd, so it never keeps the process alive on its own. */
export function createSseHub(options: SseHubOptions): SseHub {
  const retryMs = options.retryMs ?? 2_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1_000_000;
  const clients = new Set<Client>();
  let sequence = 0;
  let closed = false;

  const drop = (client: Client) => {
    if (!clients.delete(client)) return;
    client.connection.end();
  };

  const send = (client: Client, frame: string) => {
    client.connection.write(frame);
    if (client.connection.writableLength > maxBufferedBytes) drop(client);
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (client.pending === undefined) send(client, `: heartbeat ${Date.now()}\n\n`);
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  return {
    attach(connection) {
      const client: Client = { connection, pending: [] };
      if (closed) {
        connection.end();
        return () => {};
      }
      clients.add(client);
      connection.write(`retry: ${retryMs}\n: connected\n\n`);
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
        clients.delete(client);
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
    close() {
      closed = true;
      clearInterval(heartbeat);
      for (const client of [...clients]) drop(client);
    },
  };
}
