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

const kafka = testKafka({ clientId: 'notifier-test' });
const running: TestNotifier[] = [];

afterEach(async () => {
  for (const notifier of running.splice(0)) await notifier.stop();
});
afterAll(async () => {
  await removeTestTopics();
  removeTestDataDirs();
});

async function waitForRecords(topic: string, count: number): Promise<void> {
  await waitFor(async () => (await countOffsets(kafka, topic)) >= count, {
    description: `${count} record(s) on ${topic}`,
  });
}

describe('poison records', () => {
  it('sends records that break the contract to <topic>.dlq with the reason, and keeps going', async () => {
    const topics = await createNotifierTopics(kafka);
    const notifier = await startTestNotifier({ topics });
    running.push(notifier);
    const order = makeOrder();

    // Same key as the valid records, so they share a partition: the poison must not block it.
    await produceRecords(kafka, topics.created, [
      { key: order.order_id, value: '{"order_id": "broken", "items": "none"}' },
      orderRecord(order),
    ]);
    await produceRecords(kafka, topics.status, [
      { key: order.order_id, value: 'not json at all' },
      {
        key: order.order_id,
        value: JSON.stringify({ order_id: order.order_id, status: 'LOST', updated_at: 'yesterday' }),
      },
      statusRecord(makeChange(order, 'SHIPPED', 1)),
    ]);

    const statusDlq = `${topics.status}.dlq`;
    const createdDlq = `${topics.created}.dlq`;
    await waitForRecords(statusDlq, 2);
    await waitForRecords(createdDlq, 1);
    await waitForRecords(topics.notifications, 1);
    const read = await readTopicsToEnd(kafka, [statusDlq, createdDlq, topics.notifications]);
    const statusDeadLetters = read[statusDlq] ?? [];
    const createdDeadLetters = read[createdDlq] ?? [];
    const notifications = read[topics.notifications] ?? [];

    expect(statusDeadLetters.map((record) => record.value)).toEqual([
      'not json at all',
      JSON.stringify({ order_id: order.order_id, status: 'LOST', updated_at: 'yesterday' }),
    ]);
    for (const [index, record] of statusDeadLetters.entries()) {
      expect(record.key).toBe(order.order_id);
      expect(record.headers).toMatchObject({
        'x-dlq-error-code': 'NOTIFIER_RECORD_UNDECODABLE',
        'x-dlq-source-topic': topics.status,
        'x-dlq-source-offset': String(index),
      });
      expect(record.headers['x-dlq-source-partition']).toMatch(/^\d$/);
    }
    expect(statusDeadLetters[0]?.headers['x-dlq-reason']).toMatch(/OrderStatusChanged breaks the contract/);
    expect(statusDeadLetters[1]?.headers['x-dlq-reason']).toMatch(/status/);
    expect(createdDeadLetters[0]?.headers).toMatchObject({
      'x-dlq-error-code': 'NOTIFIER_RECORD_UNDECODABLE',
      'x-dlq-source-topic': topics.created,
    });
    expect(createdDeadLetters[0]?.headers['x-dlq-reason']).toMatch(/OrderCreated breaks the contract/);

    // The valid records behind the poison were handled.
    expect(notifications.map((record) => JSON.parse(record.value ?? '{}').status)).toEqual(['SHIPPED']);
    await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created, topics.status]);
  });
});
