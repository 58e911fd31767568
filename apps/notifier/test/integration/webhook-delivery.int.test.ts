import { decodeNotification } from '@order-service/contracts';
import { testKafka, waitFor } from '@order-service/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createNotifierTopics, removeTestTopics } from '../support/notifier-topics.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { produceOrders, produceStatusChanges } from '../support/produce-orders.ts';
import { removeTestDataDirs, startTestNotifier, type TestNotifier } from '../support/start-test-notifier.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

const kafka = testKafka({ clientId: 'notifier-test' });
const cleanups: (() => Promise<void>)[] = [];
const secret = 'integration-test-secret';

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await removeTestTopics();
  removeTestDataDirs();
});

async function startWithWebhook(url: string, env: Record<string, string> = {}): Promise<TestNotifier> {
  const topics = await createNotifierTopics(kafka);
  const notifier = await startTestNotifier({
    topics,
    env: {
      NOTIFY_CHANNELS: 'log,webhook',
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: secret,
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_BACKOFF_BASE_MS: '100',
      WEBHOOK_BACKOFF_MAX_MS: '400',
      NOTIFICATION_LOCALE: 'ru',
      ...env,
    },
  });
  cleanups.push(() => notifier.stop());
  const order = makeOrder();
  await produceOrders(kafka, topics.created, [order]);
  await produceStatusChanges(kafka, topics.status, [makeChange(order, 'PROCESSING', 1)]);
  return notifier;
}

async function deliveryOf(notifier: TestNotifier, channel: string) {
  const result = await notifier.notifier.store.query<{
    state: string;
    attempts: number;
    last_error_code: string;
  }>('SELECT state, attempts, last_error_code FROM deliveries WHERE channel = $1', [channel]);
  return result.rows;
}

describe('webhook delivery', () => {
  it('retries a receiver that fails the first attempts, each request signed, then records one delivery', async () => {
    const receiver = await startWebhookReceiver({ secret, failFirst: 2 });
    cleanups.push(() => receiver.close());
    const notifier = await startWithWebhook(receiver.url);

    await waitFor(() => receiver.requests.some((request) => request.answeredStatus === 200), {
      description: 'a successful webhook delivery',
    });
    expect(receiver.requests.map((request) => request.answeredStatus)).toEqual([503, 503, 200]);
    expect(receiver.requests.every((request) => request.signatureValid)).toBe(true);
    // Every attempt carries the same notification, byte for byte, under the same id.
    expect(new Set(receiver.requests.map((request) => request.body)).size).toBe(1);
    const decoded = decodeNotification(receiver.requests[0]?.body);
    if (!decoded.ok) throw decoded.error;
    expect(receiver.requests[0]?.notificationId).toBe(decoded.value.notification_id);
    expect(decoded.value.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('3 000,00 ₽');

    const rows = await waitFor(
      async () => {
        const found = await deliveryOf(notifier, 'webhook');
        return found[0]?.state === 'delivered' ? found : undefined;
      },
      { description: 'the delivery to be recorded' },
    );
    expect(rows).toEqual([{ state: 'delivered', attempts: 3, last_error_code: null }]);

    // The log channel wrote exactly one line for the notification.
    await waitFor(() => notifier.logLines.length > 0, { description: 'the log line' });
    expect(notifier.logLines).toHaveLength(1);
    expect(JSON.parse(notifier.logLines[0] ?? '{}')).toMatchObject({
      notification_id: decoded.value.notification_id,
    });
  });

  it('dead-letters the delivery with its reason after the last attempt', async () => {
    const receiver = await startWebhookReceiver({ secret, failFirst: Number.POSITIVE_INFINITY });
    cleanups.push(() => receiver.close());
    const notifier = await startWithWebhook(receiver.url, { WEBHOOK_MAX_ATTEMPTS: '3' });

    const dead = await waitFor(
      async () => {
        const result = await notifier.notifier.store.query<{
          attempts: number;
          error_code: string;
          reason: string;
        }>('SELECT attempts, error_code, reason FROM delivery_dead_letters');
        return result.rows.length > 0 ? result.rows : undefined;
      },
      { description: 'the dead letter' },
    );
    expect(dead).toEqual([
      {
        attempts: 3,
        error_code: 'NOTIFIER_WEBHOOK_SERVER_ERROR',
        reason: expect.stringMatching(/answered 503/),
      },
    ]);
    expect(receiver.requests).toHaveLength(3);
    expect(await deliveryOf(notifier, 'webhook')).toEqual([
      { state: 'failed', attempts: 3, last_error_code: 'NOTIFIER_WEBHOOK_SERVER_ERROR' },
    ]);
    // The other channel is not held back by the failing one.
    expect(await deliveryOf(notifier, 'log')).toEqual([
      { state: 'delivered', attempts: 1, last_error_code: null },
    ]);
  });

  it('gives up at once when the receiver refuses the signature (wrong secret)', async () => {
    const receiver = await startWebhookReceiver({ secret: 'the-receiver-has-another-secret' });
    cleanups.push(() => receiver.close());
    const notifier = await startWithWebhook(receiver.url);

    const rows = await waitFor(
      async () => {
        const found = await deliveryOf(notifier, 'webhook');
        return found[0]?.state === 'failed' ? found : undefined;
      },
      { description: 'the refused delivery' },
    );
    expect(rows).toEqual([{ state: 'failed', attempts: 1, last_error_code: 'NOTIFIER_WEBHOOK_REJECTED' }]);
    expect(receiver.requests.map((request) => [request.signatureValid, request.answeredStatus])).toEqual([
      [false, 401],
    ]);
  });
});
