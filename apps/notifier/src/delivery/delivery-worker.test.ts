import type { Notification } from '@order-service/contracts';
import { createLogger, type Store } from '@order-service/runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../test/support/memory-store.ts';
import { makeChange, makeOrder } from '../../test/support/order-fixtures.ts';
import { buildNotification } from '../notifications/build-notification.ts';
import { NotifierError } from '../notifier-error.ts';
import { saveNotification } from '../store/notification-repository.ts';
import type { DeliveryChannel, DeliveryChannelName } from './delivery-channel.ts';
import { createDeliveryWorker, type DeliveryResult } from './delivery-worker.ts';

let store: Store;
// Opening PGlite takes seconds on a busy machine: give the hook room.
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(() => store.close());
// Each test starts with nothing due, whatever the previous one left.
beforeEach(async () => {
  await store.query("UPDATE deliveries SET state = 'delivered' WHERE state = 'pending'");
});

const logger = createLogger({ name: 'test', level: 'silent' });

async function storeNotification(channels: DeliveryChannelName[]): Promise<Notification> {
  const order = makeOrder();
  const notification = buildNotification({
    order,
    change: makeChange(order, 'SHIPPED'),
    statusEventId: `evt-${order.order_id}`,
    locale: 'en',
  });
  await saveNotification(store, {
    notification,
    body: JSON.stringify(notification),
    statusEventId: 'x',
    channels,
  });
  return notification;
}

/** A webhook-named channel that fails its first `failures` calls with `error`. */
function flakyChannel(failures: number, error: () => NotifierError) {
  const calls: string[] = [];
  const channel: DeliveryChannel = {
    name: 'webhook',
    async deliver(notification) {
      calls.push(notification.notification_id);
      if (calls.length <= failures) throw error();
    },
  };
  return { channel, calls };
}

async function deliveryRow(notificationId: string, channel: DeliveryChannelName) {
  const result = await store.query<{ state: string; attempts: number; last_error_code: string | null }>(
    'SELECT state, attempts, last_error_code FROM deliveries WHERE notification_id = $1 AND channel = $2',
    [notificationId, channel],
  );
  return result.rows[0];
}

const retryNow = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 };
const serverError = () => new NotifierError('NOTIFIER_WEBHOOK_SERVER_ERROR', '503');

describe('delivery worker', () => {
  it('delivers each pending delivery once and records it', async () => {
    const notification = await storeNotification(['webhook']);
    const { channel, calls } = flakyChannel(0, serverError);
    const worker = createDeliveryWorker({
      store,
      channels: [channel],
      retryPolicy: () => retryNow,
      logger,
      pollIntervalMs: 50,
    });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(calls).toEqual([notification.notification_id]);
    expect(await deliveryRow(notification.notification_id, 'webhook')).toMatchObject({
      state: 'delivered',
      attempts: 1,
    });
  });

  it('retries a retryable failure after a backoff and then delivers', async () => {
    const notification = await storeNotification(['webhook']);
    const { channel, calls } = flakyChannel(2, serverError);
    const results: DeliveryResult[] = [];
    const worker = createDeliveryWorker({
      store,
      channels: [channel],
      retryPolicy: () => retryNow,
      logger,
      pollIntervalMs: 50,
      onResult: (_channel, result) => results.push(result),
      random: () => 0,
    });
    for (let round = 0; round < 3; round++) await worker.runOnce();
    expect(calls).toHaveLength(3);
    expect(results).toEqual(['retry', 'retry', 'delivered']);
    expect(await deliveryRow(notification.notification_id, 'webhook')).toMatchObject({
      state: 'delivered',
      attempts: 3,
    });
  });

  it('dead-letters a delivery after its last attempt, with the reason', async () => {
    const notification = await storeNotification(['webhook']);
    const { channel, calls } = flakyChannel(Number.POSITIVE_INFINITY, serverError);
    const worker = createDeliveryWorker({
      store,
      channels: [channel],
      retryPolicy: () => retryNow,
      logger,
      pollIntervalMs: 50,
      random: () => 0,
    });
    for (let round = 0; round < 5; round++) await worker.runOnce();
    expect(calls).toHaveLength(3);
    expect(await deliveryRow(notification.notification_id, 'webhook')).toMatchObject({
      state: 'failed',
      attempts: 3,
      last_error_code: 'NOTIFIER_WEBHOOK_SERVER_ERROR',
    });
    const dead = await store.query<{ attempts: number; error_code: string; payload: string }>(
      'SELECT attempts, error_code, payload FROM delivery_dead_letters WHERE notification_id = $1',
      [notification.notification_id],
    );
    expect(dead.rows).toEqual([
      { attempts: 3, error_code: 'NOTIFIER_WEBHOOK_SERVER_ERROR', payload: JSON.stringify(notification) },
    ]);
  });

  it('dead-letters at once a failure that retrying cannot fix', async () => {
    const notification = await storeNotification(['webhook']);
    const rejected = () => new NotifierError('NOTIFIER_WEBHOOK_REJECTED', '400');
    const { channel, calls } = flakyChannel(1, rejected);
    const worker = createDeliveryWorker({
      store,
      channels: [channel],
      retryPolicy: () => retryNow,
      logger,
      pollIntervalMs: 50,
    });
    await worker.runOnce();
    await worker.runOnce();
    expect(calls).toHaveLength(1);
    expect(await deliveryRow(notification.notification_id, 'webhook')).toMatchObject({
      state: 'failed',
      attempts: 1,
    });
  });

  it('does not let a failing channel hold up another channel of the same notification', async () => {
    const notification = await storeNotification(['webhook', 'log']);
    const { channel } = flakyChannel(Number.POSITIVE_INFINITY, serverError);
    const logged: string[] = [];
    const log: DeliveryChannel = { name: 'log', deliver: async (n) => void logged.push(n.notification_id) };
    const worker = createDeliveryWorker({
      store,
      channels: [channel, log],
      retryPolicy: () => ({ ...retryNow, baseDelayMs: 60_000, maxDelayMs: 60_000 }),
      logger,
      pollIntervalMs: 50,
      random: () => 0.5,
    });
    await worker.runOnce();
    expect(logged).toEqual([notification.notification_id]);
    expect(await deliveryRow(notification.notification_id, 'webhook')).toMatchObject({
      state: 'pending',
      attempts: 1,
    });
  });

  it('runs in the background when started, woken by new deliveries', async () => {
    const { channel, calls } = flakyChannel(0, serverError);
    const worker = createDeliveryWorker({
      store,
      channels: [channel],
      retryPolicy: () => retryNow,
      logger,
      pollIntervalMs: 60_000,
    });
    worker.start();
    try {
      const notification = await storeNotification(['webhook']);
      worker.wake();
      const deadline = Date.now() + 10_000;
      while (!calls.includes(notification.notification_id)) {
        if (Date.now() > deadline) throw new Error('the woken worker did not deliver within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await worker.stop();
    }
  });
});
