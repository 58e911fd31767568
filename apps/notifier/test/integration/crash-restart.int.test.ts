import { randomUUID } from 'node:crypto';
import { notificationId, statusChangedEventId } from '@order-service/contracts';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type NotifierProcess, startNotifierProcess } from '../support/notifier-process.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { produceOrders, produceStatusChanges } from '../support/produce-orders.ts';
import { freshDataDir, removeTestDataDirs } from '../support/start-test-notifier.ts';
import { createTestKafka } from '../support/test-kafka.ts';
import { waitFor } from '../support/wait-for.ts';

const kafka = createTestKafka();
const processes: NotifierProcess[] = [];

afterEach(async () => {
  for (const running of processes.splice(0)) await running.kill();
});
afterAll(async () => {
  await kafka.close();
  removeTestDataDirs();
});

describe('crash and restart', () => {
  it('publishes every notification exactly once when the process is killed mid-stream', async () => {
    const topics = await kafka.createTopics();
    const env = {
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? 'localhost:9092',
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
    await waitFor(
      'the first notifications before the kill',
      async () => (await kafka.countRecords(topics.notifications)) >= 1,
      { timeoutMs: 90_000, intervalMs: 20 },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${first.stderr()}`);
    });
    await first.kill();
    const beforeKill = await kafka.countRecords(topics.notifications);
    // The rest of the stream arrives while the notifier is down.
    await produceStatusChanges(kafka, topics.status, changes.slice(half));

    const second = startNotifierProcess(env);
    processes.push(second);
    await kafka.waitForGroupCaughtUp(env.KAFKA_GROUP_ID, [topics.created, topics.status], 120_000);
    await waitFor(
      'every notification on the topic',
      async () => (await kafka.countRecords(topics.notifications)) >= changes.length,
      { timeoutMs: 90_000 },
    );
    // A graceful stop flushes the relay: after it nothing more can appear on the topic.
    expect(await second.terminate()).toBe(0);

    const records = await kafka.readTopic(topics.notifications);
    const ids = records.map((record) => record.headers['x-event-id']);
    const expected = changes.map((change) =>
      notificationId(statusChangedEventId(change.order_id, change.status)),
    );
    expect(beforeKill).toBeGreaterThan(0);
    expect(ids).toHaveLength(changes.length);
    expect(new Set(ids)).toEqual(new Set(expected));
  });
});
