import { afterEach, describe, expect, it } from 'vitest';
import { createSseHub, type SseConnection, type SseHub } from './sse-hub.ts';

class FakeConnection implements SseConnection {
  chunks: string[] = [];
  ended = false;
  destroyed = false;
  writableLength = 0;
  /** While true, writes report a full socket (the client is not reading). */
  full = false;
  drainListeners: (() => void)[] = [];
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return !this.full;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
  once(_event: 'drain', listener: () => void): void {
    this.drainListeners.push(listener);
  }
  removeListener(_event: 'drain', listener: () => void): void {
    this.drainListeners = this.drainListeners.filter((entry) => entry !== listener);
  }
  /** The client read everything: the socket drains. */
  drain(): void {
    this.full = false;
    for (const listener of this.drainListeners.splice(0)) listener();
  }
  /** The named events received, with their parsed data. */
  events(): { event: string; data: unknown }[] {
    return this.chunks
      .join('')
      .split('\n\n')
      .map((block) => {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        return event === undefined || data === undefined ? undefined : { event, data: JSON.parse(data) };
      })
      .filter((parsed) => parsed !== undefined);
  }
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

let hub: SseHub | undefined;
afterEach(() => hub?.close());

describe('SSE hub', () => {
  it('tells the browser how soon to reconnect, then sends the snapshot', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({ orders: [] }), heartbeatMs: 60_000, retryMs: 1_500 });
    const connection = new FakeConnection();
    hub.attach(connection);
    await flush();
    expect(connection.chunks[0]).toMatch(/^retry: 1500\n/);
    expect(connection.events()).toEqual([{ event: 'snapshot', data: { orders: [] } }]);
  });

  it('holds events broadcast while the snapshot loads and sends them after it, in order', async () => {
    const snapshot = deferred<unknown>();
    hub = createSseHub({ loadSnapshot: () => snapshot.promise, heartbeatMs: 60_000 });
    const connection = new FakeConnection();
    hub.attach(connection);
    hub.broadcast('order', { order_id: '1' });
    hub.broadcast('order', { order_id: '2' });
    expect(connection.events()).toEqual([]);
    snapshot.resolve({ orders: [] });
    await flush();
    expect(connection.events().map((event) => event.event)).toEqual(['snapshot', 'order', 'order']);
    expect(connection.events()[2]?.data).toEqual({ order_id: '2' });
  });

  it('broadcasts to every connected client and stops writing to a detached one', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({}), heartbeatMs: 60_000 });
    const first = new FakeConnection();
    const second = new FakeConnection();
    hub.attach(first);
    const detachSecond = hub.attach(second);
    await flush();
    hub.broadcast('notification', { n: 1 });
    detachSecond();
    hub.broadcast('notification', { n: 2 });
    expect(first.events().filter((event) => event.event === 'notification')).toHaveLength(2);
    expect(second.events().filter((event) => event.event === 'notification')).toHaveLength(1);
    expect(hub.clientCount()).toBe(1);
  });

  it('sends heartbeats as comment lines', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({}), heartbeatMs: 20 });
    const connection = new FakeConnection();
    hub.attach(connection);
    const deadline = Date.now() + 5_000;
    while (!connection.chunks.some((chunk) => chunk.startsWith(': heartbeat'))) {
      if (Date.now() > deadline) throw new Error('no heartbeat within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('closes a client whose snapshot fails, so the browser reconnects', async () => {
    const errors: unknown[] = [];
    hub = createSseHub({
      loadSnapshot: async () => Promise.reject(new Error('store down')),
      heartbeatMs: 60_000,
      onError: (error) => errors.push(error),
    });
    const connection = new FakeConnection();
    hub.attach(connection);
    await flush();
    expect(connection.ended).toBe(true);
    expect(errors).toHaveLength(1);
    expect(hub.clientCount()).toBe(0);
  });

  it('drops a client too far behind instead of buffering without bound', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({}), heartbeatMs: 60_000, maxBufferedBytes: 100 });
    const connection = new FakeConnection();
    hub.attach(connection);
    await flush();
    connection.writableLength = 101;
    hub.broadcast('order', {});
    expect(connection.ended).toBe(true);
    expect(connection.destroyed).toBe(true);
    expect(hub.clientCount()).toBe(0);
  });

  it('drops a client that stops reading once the socket stays full past the drain timeout', async () => {
    const drops: string[] = [];
    hub = createSseHub({
      loadSnapshot: async () => ({}),
      heartbeatMs: 60_000,
      drainTimeoutMs: 50,
      onDrop: (reason) => drops.push(reason),
    });
    const stalled = new FakeConnection();
    const reading = new FakeConnection();
    hub.attach(stalled);
    hub.attach(reading);
    await flush();
    stalled.full = true;
    hub.broadcast('order', { n: 1 });
    hub.broadcast('order', { n: 2 });
    expect(stalled.destroyed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(stalled.destroyed).toBe(true);
    expect(drops).toEqual(['drain-timeout']);
    expect(reading.destroyed).toBe(false);
    expect(hub.clientCount()).toBe(1);
  });

  it('keeps a client whose socket drains within the timeout', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({}), heartbeatMs: 60_000, drainTimeoutMs: 80 });
    const slow = new FakeConnection();
    hub.attach(slow);
    await flush();
    slow.full = true;
    hub.broadcast('order', { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    slow.drain();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(slow.destroyed).toBe(false);
    hub.broadcast('order', { n: 2 });
    expect(slow.events().filter((event) => event.event === 'order')).toHaveLength(2);
    expect(hub.clientCount()).toBe(1);
  });

  it('says when it is full', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({}), heartbeatMs: 60_000, maxClients: 2 });
    const first = new FakeConnection();
    const detach = hub.attach(first);
    expect(hub.isFull()).toBe(false);
    hub.attach(new FakeConnection());
    expect(hub.isFull()).toBe(true);
    detach();
    expect(hub.isFull()).toBe(false);
  });

  it('ends every stream on close and refuses new ones', async () => {
    hub = createSseHub({ loadSnapshot: async () => ({}), heartbeatMs: 60_000 });
    const before = new FakeConnection();
    hub.attach(before);
    hub.close();
    const after = new FakeConnection();
    hub.attach(after);
    expect(before.ended).toBe(true);
    expect(after.ended).toBe(true);
    expect(hub.clientCount()).toBe(0);
  });
});
