import {
  createTestDatabase,
  metricValue,
  produceRecords,
  type TestDatabase,
  type TopicRecorder,
  waitFor,
  waitForGroupStable,
} from '@order-service/test-support';
import type { Kafka, Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStatusStream } from '../support/assert-status-stream.ts';
import { type KafkaFixture, openKafkaFixture, type TestTopics } from '../support/kafka-fixture.ts';
import { makeOrder } from '../support/order-fixtures.ts';
import { readToEnd } from '../support/read-to-end.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

const BEFORE_KILL = 1_500;
const AFTER_KILL = 1_500;

let kafka: Kafka;
let producer: Producer;
let topics: TestTopics;
let reader: TopicRecorder;
let fixture: KafkaFixture | undefined;
let database: TestDatabase;
const processes: WorkerProcess[] = [];

beforeEach(async () => {
  fixture = await openKafkaFixture('group', (topics) => [topics.status, topics.createdDlq]);
  ({ kafka, producer, topics, reader } = fixture);
  database = await createTestDatabase('status_worker');
});

afterEach(async () => {
  await Promise.all(processes.map((child) => child.kill()));
  processes.length = 0;
  await database?.drop();
  await fixture?.close();
  fixture = undefined;
});

async function receivedBy(worker: WorkerProcess): Promise<number> {
  const text = await (await fetch(`${worker.baseUrl}/metrics`)).text();
  return ['accepted', 'cancelled', 'duplicate', 'redelivered'].reduce(
    (sum, outcome) => sum + metricValue(text, 'status_worker_orders_received_total', { outcome }),
    0,
  );
}

describe('three status-worker instances in one consumer group (child processes, PostgreSQL)', () => {
  it('share the partitions, and when one is SIGKILLed the others take over without loss or duplicates', async () => {
    const env = {
      KAFKA_GROUP_ID: topics.groupId,
      TOPIC_ORDERS_CREATED: topics.created,
      TOPIC_ORDERS_STATUS: topics.status,
      // A killed member's partitions move after this; the default 30 s would only slow the test.
      KAFKA_SESSION_TIMEOUT_MS: '8000',
      DATABASE_URL: database.url,
    };
    const workers = await Promise.all([
      startWorkerProcess(env),
      startWorkerProcess(env),
      startWorkerProcess(env),
    ]);
    processes.push(...workers);
    // A stable group of three: one partition each.
    await waitForGroupStable(kafka, topics.groupId, { members: 3 });

    const orders = Array.from({ length: BEFORE_KILL + AFTER_KILL }, () => makeOrder());
    const records = orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) }));
    const statusRecords = () => reader.records.filter((record) => record.topic === topics.status);
    await produceRecords(producer, topics.created, records.slice(0, BEFORE_KILL));
    await waitFor(
      async () => {
        const counts = await Promise.all(workers.map(receivedBy));
        return counts.every((count) => count > 0);
      },
      { description: 'every instance to have received orders' },
    );

    const [victim, ...survivors] = workers as [WorkerProcess, ...WorkerProcess[]];
    await victim.kill();
    await produceRecords(producer, topics.created, records.slice(BEFORE_KILL));

    const seen = () => new Set(statusRecords().map((record) => record.key)).size;
    await waitFor(() => seen() >= orders.length, {
      description: `all ${orders.length} orders on orders.status`,
      timeoutMs: 180_000,
      describeState: () => `${seen()} orders`,
    });
    for (const survivor of survivors) expect(await survivor.stop()).toBe(0);

    await readToEnd(kafka, reader, topics.status);
    const byOrder = checkStatusStream(statusRecords());
    expect(byOrder.size).toBe(orders.length);
    expect(statusRecords()).toHaveLength(orders.length);
    expect(reader.records.filter((record) => record.topic === topics.createdDlq)).toHaveLength(0);
  });
});
