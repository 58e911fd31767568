import { decodeNotification, notificationId, statusChangedEventId } from '@order-service/contracts';
import {
  countOffsets,
  produceRecords,
  readTopicToEnd,
  testKafka,
  waitFor,
  waitForGroupCaughtUp,
} from '@order-service/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createNotifierTopics, removeTestTopics, type TestTopics } from '../support/notifier-topics.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { produceOrders, produceStatusChanges, statusRecord } from '../support/produce-orders.ts';
import { removeTestDataDirs, startTestNotifier, type TestNotifier } from '../support/start-test-notifier.ts';

const kafka = testKafka({ clientId: 'notifier-test' });
const running: TestNotifier[] = [];

async function start(options: Parameters<typeof startTestNotifier>[0]): Promise<TestNotifier> {
  const notifier = await startTestNotifier(options);
  running.push(notifier);
  return notifier;
}

async function stop(notifier: TestNotifier): Promise<void> {
  running.splice(running.indexOf(notifier), 1);
  await notifier.stop();
}

/** Waits until the group has handled every record so far and every notification is on Kafka. */
async function settle(notifier: TestNotifier, topics: TestTopics): Promise<void> {
  await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created, topics.status]);
  await waitFor(async () => (await notifier.notifier.outboxLag()).pending === 0, {
    description: 'the outbox to drain',
  });
}

afterEach(async () => {
  for (const notifier of running.splice(0)) await notifier.stop();
});
afterAll(async () => {
  await removeTestTopics();
  removeTestDataDirs();
});

describe('exactly one notification per status change', () => {
  it('publishes one notification per change through duplicates, a restart and a full redelivery', async () => {
    const topics = await createNotifierTopics(kafka);
    const orders = Array.from({ length: 6 }, () => makeOrder());
    const firstChanges = orders.flatMap((order) => [
      makeChange(order, 'PROCESSING', 1),
      makeChange(order, 'SHIPPED', 2),
    ]);

    const first = await start({ topics });
    await produceOrders(kafka, topics.created, orders);
    await produceStatusChanges(kafka, topics.status, firstChanges);
    // The same records again, as a producer retry or a replayed partition would deliver them.
    await produceRecords(kafka, topics.status, firstChanges.slice(0, 4).map(statusRecord));
    await settle(first, topics);
    await stop(first);

    // Restart on the same store and group, then more changes.
    const secondChanges = orders.map((order) => makeChange(order, 'DELIVERED', 3));
    const second = await start({ topics, dataDir: first.dataDir, groupId: first.groupId });
    await produceStatusChanges(kafka, topics.status, secondChanges);
    await settle(second, topics);
    await stop(second);

    // A group with no committed offset on the same store: every record is delivered again, as
    // after a crash before any commit.
    const replay = await start({ topics, dataDir: first.dataDir });
    await settle(replay, topics);

    const allChanges = [...firstChanges, ...secondChanges];
    const expectedIds = allChanges.map((change) =>
      notificationId(statusChangedEventId(change.order_id, change.status)),
    );
    const records = await readTopicToEnd(kafka, topics.notifications);
    const ids = records.map((record) => record.headers['x-event-id']);
    expect(ids.sort()).toEqual([...expectedIds].sort());

    for (const record of records) {
      const decoded = decodeNotification(record.value);
      if (!decoded.ok) throw decoded.error;
      expect(record.key).toBe(decoded.value.order_id);
      expect(record.headers['x-event-id']).toBe(decoded.value.notification_id);
      expect(record.headers['x-message-name']).toBe('Notification');
      expect(record.headers['content-type']).toBe('application/json');
    }
    // Keyed by order: each order's notifications sit in one partition, in lifecycle order.
    for (const order of orders) {
      const own = records.filter((record) => record.key === order.order_id);
      expect(new Set(own.map((record) => record.partition)).size).toBe(1);
      const statuses = own
        .sort((left, right) => Number(left.offset) - Number(right.offset))
        .map((record) => JSON.parse(record.value ?? '{}').status);
      expect(statuses).toEqual(['PROCESSING', 'SHIPPED', 'DELIVERED']);
    }
  });

  it('turns a status change that arrives before its order into its notification once the order arrives', async () => {
    const topics = await createNotifierTopics(kafka);
    const notifier = await start({ topics, env: { NOTIFICATION_LOCALE: 'en' } });
    const order = makeOrder({
      total_amount: 450_050,
      items: [{ product_id: 'p', quantity: 1, price: 450_050 }],
    });
    await produceStatusChanges(kafka, topics.status, [
      makeChange(order, 'PROCESSING', 1),
      makeChange(order, 'CANCELLED', 2),
    ]);
    await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.status]);
    // Handled and committed, yet nothing to notify without the order: both changes wait.
    const waiting = await notifier.notifier.store.query(
      'SELECT 1 FROM pending_status_events WHERE order_id = $1',
      [order.order_id],
    );
    expect(waiting.rows).toHaveLength(2);
    const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
    expect(metrics).toMatch(/^notifier_pending_status_events\{app="notifier"\} 2$/m);

    await produceOrders(kafka, topics.created, [order]);
    await settle(notifier, topics);
    await waitFor(async () => (await countOffsets(kafka, topics.notifications)) >= 2, {
      description: 'two notifications',
    });
    const records = await readTopicToEnd(kafka, topics.notifications);
    const notifications = records
      .sort((left, right) => Number(left.offset) - Number(right.offset))
      .map((record) => JSON.parse(record.value ?? '{}'));
    expect(notifications.map((notification) => notification.status)).toEqual(['PROCESSING', 'CANCELLED']);
    expect(notifications[1]).toMatchObject({
      customer_id: order.customer_id,
      // Customer text from the template only; the change's comment travels in its own field.
      text: `Your order ${order.order_id} for ₽4,500.50 has been cancelled.`,
      comment: 'moved to CANCELLED',
    });
    const left = await notifier.notifier.store.query('SELECT 1 FROM pending_status_events');
    expect(left.rows).toEqual([]);
  });
});
