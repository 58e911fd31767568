import { get, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { HttpAccess } from '@order-service/runtime';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadLiveClientScript } from '../live/live-client-script.ts';
import { createSseHub, type SseHubOptions } from '../live/sse-hub.ts';
import { registerLiveRoutes } from './live-routes.ts';

const KEY = 'live-page-test-key-0123456789';
const development: HttpAccess = { mode: 'development', apiKey: undefined };
const production: HttpAccess = { mode: 'production', apiKey: KEY };

async function waitUntil(description: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startApp(access: HttpAccess = development, hubOptions: Partial<SseHubOptions> = {}) {
  const hub = createSseHub({
    loadSnapshot: async () => ({ orders: [], notifications: [] }),
    heartbeatMs: 60_000,
    ...hubOptions,
  });
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  registerLiveRoutes(app, { hub, access });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, hub, base: `http://127.0.0.1:${port}` };
}

function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ response: IncomingMessage; text: () => string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers }, (response) => {
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
      });
      resolve({ response, text: () => received });
    });
    request.on('error', reject);
  });
}

describe('live routes', () => {
  it('serves the page with its content security policy', async () => {
    const { app } = await startApp();
    try {
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(response.body).toContain('<title>Order notifications (live)</title>');
      expect(response.body).toContain('<script src="live/live-client.js"></script>');
    } finally {
      await app.close();
    }
  });

  it('serves the page script as cacheable JavaScript, open in production, 304 when unchanged', async () => {
    const { app } = await startApp(production);
    try {
      const response = await app.inject({ method: 'GET', url: '/live/live-client.js' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers.etag).toBe(loadLiveClientScript().etag);
      expect(response.body).toBe(loadLiveClientScript().source);

      const etag = String(response.headers.etag);
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const revalidated = await app.inject({
          method: 'GET',
          url: '/live/live-client.js',
          headers: { 'if-none-match': ifNoneMatch },
        });
        expect(revalidated.statusCode).toBe(304);
        expect(revalidated.headers.etag).toBe(etag);
        expect(revalidated.body).toBe('');
      }
      const changed = await app.inject({
        method: 'GET',
        url: '/live/live-client.js',
        headers: { 'if-none-match': '"an-older-build"' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.body).toBe(loadLiveClientScript().source);
    } finally {
      await app.close();
    }
  });

  it('streams a snapshot and live events, and forgets a client that disconnects', async () => {
    const { app, hub, base } = await startApp();
    try {
      const stream = await openStream(`${base}/events`);
      expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      await waitUntil('the snapshot', () => stream.text().includes('event: snapshot'));
      hub.broadcast('order', { order_id: 'o-1' });
      await waitUntil('the live event', () => stream.text().includes('"order_id":"o-1"'));
      stream.response.destroy();
      await waitUntil('the client to be detached', () => hub.clientCount() === 0);
    } finally {
      await app.close();
    }
  });

  it('closes open streams on shutdown instead of waiting for the browser', async () => {
    const { app, base } = await startApp();
    const stream = await openStream(`${base}/events`);
    await waitUntil('the snapshot', () => stream.text().includes('event: snapshot'));
    const ended = new Promise((resolve) => stream.response.on('end', resolve));
    await app.close();
    await ended;
  });

  it('keeps the page and its stream behind the key in production, traded once for a read-only cookie', async () => {
    const { app, base } = await startApp(production);
    try {
      expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/?key=wrong-key' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/events' })).statusCode).toBe(401);

      const login = await app.inject({ method: 'GET', url: `/?key=${KEY}` });
      expect(login.statusCode).toBe(303);
      expect(login.headers.location).toBe('./');
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toMatch(/^order_service_read=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
      expect(cookie).not.toContain(KEY);
      const pair = cookie.split(';')[0] ?? '';

      const page = await app.inject({ method: 'GET', url: '/', headers: { cookie: pair } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Order notifications (live)</title>');
      expect((await app.inject({ method: 'GET', url: '/', headers: { 'x-api-key': KEY } })).statusCode).toBe(
        200,
      );

      const stream = await openStream(`${base}/events`, { cookie: pair });
      expect(stream.response.statusCode).toBe(200);
      await waitUntil('the snapshot', () => stream.text().includes('event: snapshot'));
      stream.response.destroy();
    } finally {
      await app.close();
    }
  });

  it('turns away streams beyond the cap with 503 and retry-after', async () => {
    const { app, hub, base } = await startApp(development, { maxClients: 2 });
    try {
      const first = await openStream(`${base}/events`);
      const second = await openStream(`${base}/events`);
      await waitUntil('two clients', () => hub.clientCount() === 2);
      const third = await openStream(`${base}/events`);
      expect(third.response.statusCode).toBe(503);
      expect(third.response.headers['retry-after']).toBe('5');
      first.response.destroy();
      await waitUntil('one client left', () => hub.clientCount() === 1);
      const fourth = await openStream(`${base}/events`);
      expect(fourth.response.statusCode).toBe(200);
      second.response.destroy();
      fourth.response.destroy();
    } finally {
      await app.close();
    }
  });

  it('closes the stream of a client that stops reading, and keeps serving the others', async () => {
    const { app, hub, base } = await startApp(development, {
      drainTimeoutMs: 200,
      maxBufferedBytes: 64_000_000,
    });
    const { port } = new URL(base);
    // A raw socket that sends the request and then never reads: its receive window fills up.
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    stalled.pause();
    const closed = new Promise((resolve) => stalled.on('close', resolve));
    try {
      await waitUntil('the stalled client', () => hub.clientCount() === 1);
      const healthy = await openStream(`${base}/events`);
      await waitUntil('two clients', () => hub.clientCount() === 2);
      const payload = 'x'.repeat(64_000);
      const deadline = Date.now() + 20_000;
      while (hub.clientCount() === 2) {
        if (Date.now() > deadline) throw new Error('the stalled client was never dropped');
        hub.broadcast('order', { payload });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(hub.clientCount()).toBe(1);
      // Reading again, the client finds the stream closed by the server (after what was buffered).
      stalled.resume();
      await closed;
      expect(healthy.response.destroyed).toBe(false);
      healthy.response.destroy();
    } finally {
      stalled.destroy();
      await app.close();
    }
  });
});
