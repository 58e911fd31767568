import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerLiveRoutes } from './live-routes.ts';
import { createSseHub } from './sse-hub.ts';

async function waitUntil(description: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function startApp() {
  const hub = createSseHub({
    loadSnapshot: async () => ({ orders: [], notifications: [] }),
    heartbeatMs: 60_000,
  });
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  registerLiveRoutes(app, { hub });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, hub, base: `http://127.0.0.1:${port}` };
}

function openStream(url: string): Promise<{ response: IncomingMessage; text: () => string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
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
      expect(response.headers['content-security-policy']).toMatch(/script-src 'sha256-/);
      expect(response.body).toContain('<title>Order notifications (live)</title>');
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
});
