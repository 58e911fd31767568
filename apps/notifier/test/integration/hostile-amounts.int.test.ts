import {
  countOffsets,
  produceRecords,
  readTopicsToEnd,
  testKafka,
  waitFor,
  waitForGroupCaughtUp,
} from '@order-service/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createNotifierTopics, removeTestTopics } from '../support/notifier-topics.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { orderRecord, statusRecord } from '../support/produce-orders.ts';
import { removeTestDataDirs, startTestNotifier, type TestNotifier } from '../support/start-test-notifier.ts';

// Issue 11, row 3: an orders.created record with total_amount 10^16 (an integer the contract allows,
// past Number.MAX_SAFE_INTEGER; status-worker cancels it) made formatRoubles throw a RangeError that
// the runner retried forever: the partition of orders.created stopped for good. Now the cancelled
// order gets its notification (no exception in the text, no amount shown) and the records behind it
// on the same partition are processed.

const kafka = testKafka({ clientId: 'notifier-test' });
const running: TestNotifier[] = [];
const PARTITION = 2;
const BOUND_MS = 30_000;

afterEach(async () => {
  for (const notifier of running.splice(0)) await notifier.stop();
});
afterAll(async () => {
  await removeTestTopics();
  removeTestDataDirs();
});

interface NotificationValue {
  order_id: string;
  status: string;
  title: string;
  text: string;
  total_amount: number;
}

describe('orders whose total_amount cannot be shown (Kafka, PGlite)', () => {
  it('notifies the cancellation of a 10^16-kopeck order without the amount and keeps the partition moving', async () => {
    const topics = await createNotifierTopics(kafka);
    const notifier = await startTestNotifier({ topics, env: { NOTIFICATION_LOCALE: 'en' } });
    running.push(notifier);
    const huge = 10 ** 16;
    // Items consistent with the total, and not: the notifier renders both the same way.
    const consistent = makeOrder({
      items: [{ product_id: 'p', quantity: 1, price: huge }],
      total_amount: huge,
    });
    const inconsistent = makeOrder({ total_amount: huge });
    const valid = makeOrder();
    const onPartition = <T extends object>(record: T) => ({ ...record, partition: PARTITION });

    await produceRecords(
      kafka,
      topics.created,
      [consistent, inconsistent, valid].map(orderRecord).map(onPartition),
    );
    await produceRecords(
      kafka,
      topics.status,
      [
        makeChange(consistent, 'CANCELLED', 1),
        makeChange(inconsistent, 'CANCELLED', 1),
        makeChange(valid, 'PROCESSING', 1),
      ]
        .map(statusRecord)
        .map(onPartition),
    );

    await waitFor(async () => (await countOffsets(kafka, topics.notifications)) >= 3, {
      description: 'three notifications',
      timeoutMs: BOUND_MS,
    });
    await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created, topics.status], {
      timeoutMs: BOUND_MS,
    });
    const read = await readTopicsToEnd(kafka, [
      topics.notifications,
      `${topics.created}.dlq`,
      `${topics.status}.dlq`,
    ]);
    const notifications = (read[topics.notifications] ?? []).map(
      (record) => JSON.parse(record.value ?? '{}') as NotificationValue,
    );
    expect(notifications.map((n) => [n.order_id, n.status]).sort()).toEqual(
      [
        [consistent.order_id, 'CANCELLED'],
        [inconsistent.order_id, 'CANCELLED'],
        [valid.order_id, 'PROCESSING'],
      ].sort(),
    );
    for (const order of [consistent, inconsistent]) {
      const cancelled = notifications.find((n) => n.order_id === order.order_id);
      expect(cancelled?.text).toBe(`Your order ${order.order_id} has been cancelled.`);
      expect(`${cancelled?.title} ${cancelled?.text}`.replaceAll(order.order_id, '<id>')).not.toMatch(
        /error|exception|NaN|Infinity|₽|\d{5,}/i,
      );
      expect(cancelled?.total_amount).toBe(huge);
    }
    const processing = notifications.find((n) => n.order_id === valid.order_id);
    expect(processing?.text).toContain('₽3,000.00');
    // Processed, not dead-lettered.
    expect(read[`${topics.created}.dlq`] ?? []).toEqual([]);
    expect(read[`${topics.status}.dlq`] ?? []).toEqual([]);

    const page = await fetch(`${notifier.url}/orders/${consistent.order_id}`);
    expect(page.status).toBeLessThan(500);
  }, 60_000);
});
