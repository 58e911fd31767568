import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { produceRecords, type TopicRecorder, waitFor } from '@order-service/test-support';
import type { Kafka, Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStatusStream } from '../support/assert-status-stream.ts';
import { type KafkaFixture, openKafkaFixture, type TestTopics } from '../support/kafka-fixture.ts';
import { makeOrder } from '../support/order-fixtures.ts';
import { readToEnd } from '../support/read-to-end.ts';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process.ts';

const ORDERS = 1_000;

let kafka: Kafka;
let producer: Producer;
let topics: TestTopics;
let reader: TopicRecorder;
let fixture: KafkaFixture | undefined;
let dataDir: string;
const processes: WorkerProcess[] = [];

beforeEach(async () => {
  fixture = await openKafkaFixture('crash', (topics) => [topics.status, topics.createdDlq]);
  ({ kafka, producer, topics, reader } = fixture);
  dataDir = await mkdtemp(join(tmpdir(), 'status-worker-crash-'));
});

afterEach(async () => {
  await Promise.all(processes.map((child) => child.kill()));
  processes.length = 0;
  await fixture?.close();
  fixture = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('status-worker killed mid-stream (child process, PGlite)', () => {
  it(`loses nothing and publishes nothing twice when SIGKILLed mid-stream of ${ORDERS} orders and restarted`, async () => {
    const env = {
      KAFKA_GROUP_ID: topics.groupId,
      TOPIC_ORDERS_CREATED: topics.created,
      TOPIC_ORDERS_STATUS: topics.status,
      // A killed member's partitions move after this; the default 30 s would only slow the test.
      KAFKA_SESSION_TIMEOUT_MS: '8000',
      DATA_DIR: dataDir,
    };
    const orders = Array.from({ length: ORDERS }, () => makeOrder());
    const records = orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) }));
    const statusRecords = () => reader.records.filter((record) => record.topic === topics.status);

    const first = await startWorkerProcess(env);
    processes.push(first);
    // A stream that stays up to 250 orders ahead of what is published (the relay publishes in
    // batches, so events appear in jumps): the kill, at the first events, lands with orders in
    // flight (on the topic, in the store, in the outbox) and the rest of the 1,000 still to come.
    let produced = 0;
    const production = (async () => {
      for (let start = 0; start < records.length; start += 50) {
        await waitFor(() => statusRecords().length >= start - 200, {
          description: 'the worker to keep up',
          timeoutMs: 120_000,
        });
        await produceRecords(producer, topics.created, records.slice(start, start + 50));
        produced = Math.min(records.length, start + 50);
      }
    })();
    await waitFor(() => statusRecords().length > 0, {
      description: 'the first events',
      timeoutMs: 90_000,
      describeState: first.output,
    });
    // The worker handles a whole fetched batch in one transaction, so the published count can catch
    // up with the produced one in a jump: wait until the stream is ahead again before killing.
    await waitFor(() => produced - statusRecords().length > 0 || produced >= ORDERS, {
      description: 'orders in flight',
      timeoutMs: 60_000,
    });
    const inFlight = produced - statusRecords().length;
    await first.kill();
    expect(produced, 'the kill must happen mid-stream').toBeLessThan(ORDERS);
    expect(inFlight, 'orders must be in flight at the kill').toBeGreaterThan(0);

    const second = await startWorkerProcess(env);
    processes.push(second);
    await production;
    const processing = () => new Set(statusRecords().map((record) => record.key)).size;
    await waitFor(() => processing() >= ORDERS, {
      description: `${ORDERS} orders on orders.status`,
      timeoutMs: 180_000,
      describeState: () => `${processing()} orders; ${second.output()}`,
    });
    expect(await second.stop()).toBe(0);

    await readToEnd(kafka, reader, topics.status);
    const byOrder = checkStatusStream(statusRecords());
    expect(byOrder.size).toBe(ORDERS);
    expect(statusRecords()).toHaveLength(ORDERS);
    for (const order of orders)
      expect(byOrder.get(order.order_id)?.map((event) => event.status)).toEqual(['PROCESSING']);
    expect(reader.records.filter((record) => record.topic === topics.createdDlq)).toHaveLength(0);
  });
});
