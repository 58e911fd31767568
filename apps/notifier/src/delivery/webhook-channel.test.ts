import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Notification } from '@order-service/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { NotifierError } from '../notifier-error.ts';
import { createWebhookChannel } from './webhook-channel.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

const notification: Notification = {
  notification_id: '9b2f1e3c-4d5a-5b6c-8d7e-0f1a2b3c4d5e',
  order_id: '1',
  customer_id: 'c',
  status: 'SHIPPED',
  channel: 'webhook',
  locale: 'ru-RU',
  title: 'Заказ 1 отправлен',
  text: 'Ваш заказ 1 передан в доставку.',
  total_amount: 100,
  created_at: '2024-02-20T15:30:00Z',
};
const body = JSON.stringify(notification);

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | undefined;

async function startReceiver(
  answer: (response: ServerResponse) => void,
): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received };
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

async function deliveryError(promise: Promise<void>): Promise<NotifierError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!NotifierError.isInstance(error)) throw new Error(`expected a NotifierError, got ${String(error)}`);
  return error;
}

describe('webhook channel', () => {
  it('POSTs the body as is, signed so the receiver can verify it', async () => {
    const receiver = await startReceiver((response) => response.writeHead(204).end());
    const channel = createWebhookChannel({ url: receiver.url, secret: 's3cret', timeoutMs: 2_000 });
    await channel.deliver(notification, body);
    const [request] = receiver.received;
    expect(request?.body).toBe(body);
    expect(request?.headers['x-notification-id']).toBe(notification.notification_id);
    const header = request?.headers['x-signature'];
    const check = verifyWebhookSignature({
      header: typeof header === 'string' ? header : undefined,
      body: request?.body ?? '',
      secret: 's3cret',
    });
    expect(check.ok).toBe(true);
  });

  it('fails retryably on a 503', async () => {
    const receiver = await startReceiver((response) => response.writeHead(503).end('busy'));
    const channel = createWebhookChannel({ url: receiver.url, secret: 's', timeoutMs: 2_000 });
    const error = await deliveryError(channel.deliver(notification, body));
    expect(error).toMatchObject({ code: 'NOTIFIER_WEBHOOK_SERVER_ERROR', retryable: true });
  });

  it('fails retryably on 429 Too Many Requests', async () => {
    const receiver = await startReceiver((response) => response.writeHead(429).end());
    const channel = createWebhookChannel({ url: receiver.url, secret: 's', timeoutMs: 2_000 });
    const error = await deliveryError(channel.deliver(notification, body));
    expect(error.retryable).toBe(true);
  });

  it('fails for good on a 400: the same request cannot succeed later', async () => {
    const receiver = await startReceiver((response) => response.writeHead(400).end());
    const channel = createWebhookChannel({ url: receiver.url, secret: 's', timeoutMs: 2_000 });
    const error = await deliveryError(channel.deliver(notification, body));
    expect(error).toMatchObject({ code: 'NOTIFIER_WEBHOOK_REJECTED', retryable: false });
  });

  it('times out a receiver that never answers', async () => {
    const receiver = await startReceiver(() => {});
    const channel = createWebhookChannel({ url: receiver.url, secret: 's', timeoutMs: 200 });
    const error = await deliveryError(channel.deliver(notification, body));
    expect(error).toMatchObject({ code: 'NOTIFIER_WEBHOOK_TIMEOUT', retryable: true });
  });

  it('reports a receiver that is not listening as unreachable', async () => {
    const receiver = await startReceiver((response) => response.end());
    const url = receiver.url;
    const stopped = server;
    server = undefined;
    await new Promise((resolve) => stopped?.close(resolve));
    const channel = createWebhookChannel({ url, secret: 's', timeoutMs: 2_000 });
    const error = await deliveryError(channel.deliver(notification, body));
    expect(error).toMatchObject({ code: 'NOTIFIER_WEBHOOK_UNREACHABLE', retryable: true });
  });
});
