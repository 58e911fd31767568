import { randomUUID } from 'node:crypto';
import { notificationId, statusChangedEventId } from '@order-service/contracts';
import {
  countOffsets,
  readTopicToEnd,
  testBrokers,
  testKafka,
  waitFor,
  waitForGroupCaughtUp,
} from '@order-service/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type NotifierProcess, startNotifierProcess } from '../support/notifier-process.ts';
import { createNotifierTopics, removeTestTopics } from '../support/notifier-topics.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { produceOrders, produceStatusChanges } from '../support/produce-orders.ts';
import { freshDataDir, removeTestDataDirs } from '../support/start-test-notifier.ts';

const kafka = testKafka({ clientId: 'notifier-test' });
const processes: NotifierProcess[] = [];

afterEach(async () => {
  for (const running of processes.splice(0)) await running.kill();
});
afterAll(async () => {
  await removeTestTopics();
  removeTestDataDirs();
});

describe('crash and restart', () => {
  it('publishes every notification exactly once when the process is killed mid-stream', async () => {
    const topics = await createNotifierTopics(kafka);
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_GROUP_ID: `notifier-crash-${randomUUID()}`,
      TOPIC_ORDERS_CREATED: topics.created,
      TOPIC_ORDERS_STATUS: topics.status,
      TOPIC_ORDERS_NOTIFICATIONS: topics.notifications,
      DATA_DIR: freshDataDir(),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      NOTIFY_CHANNELS: 'log',
      // The killed member holds its partitions until its session expires: keep that short.
      KAFKA_SESSION_TIMEOUT_MS: '8000',
    };
    const orders = Array.from({ length: 250 }, () => makeOrder());
    const changes = orders.flatMap((order) => [
      makeChange(order, 'PROCESSING', 1),
      makeChange(order, 'SHIPPED', 2),
    ]);
    const half = changes.length / 2;
    await produceOrders(kafka, topics.created, orders);
    await produceStatusChanges(kafka, topics.status, changes.slice(0, half));

    const first = startNotifierProcess(env);
    processes.push(first);
    await waitFor(async () => (await countOffsets(kafka, topics.notifications)) >= 1, {
      description: 'the first notifications before the kill',
      timeoutMs: 90_000,
      intervalMs: 20,
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${first.stderr()}`);
    });
    await first.kill();
    const beforeKill = await countOffsets(kafka, topics.notifications);
    // The rest of the stream arrives while the notifier is down.
    await produceStatusChanges(kafka, topics.status, changes.slice(half));

    const second = startNotifierProcess(env);
    processes.push(second);
    await waitForGroupCaughtUp(kafka, env.KAFKA_GROUP_ID, [topics.created, topics.status], {
      timeoutMs: 120_000,
    });
    await waitFor(async () => (await countOffsets(kafka, topics.notifications)) >= changes.length, {
      description: 'every notification on the topic',
      timeoutMs: 90_000,
    });
    // A graceful stop flushes the relay: after it nothing more can appear on the topic.
    expect(await second.terminate()).toBe(0);

    const records = await readTopicToEnd(kafka, topics.notifications);
    const ids = records.map((record) => record.headers['x-event-id']);
    const expected = changes.map((change) =>
      notificationId(statusChangedEventId(change.order_id, change.status)),
    );
    expect(beforeKill).toBeGreaterThan(0);
    expect(ids).toHaveLength(changes.length);
    expect(new Set(ids)).toEqual(new Set(expected));
  });
});
