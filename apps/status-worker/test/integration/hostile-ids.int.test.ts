import { randomBytes } from 'node:crypto';
import { decodeOrderStatusChanged } from '@order-service/contracts';
import {
  createTestDatabase,
  type TestDatabase,
  type TopicRecorder,
  testDatabaseUrl,
  waitFor,
} from '@order-service/test-support';
import type { Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type InProcessWorker, startInProcessWorker } from '../support/in-process-worker.ts';
import { type KafkaFixture, openKafkaFixture, type TestTopics } from '../support/kafka-fixture.ts';
import { makeOrder } from '../support/order-fixtures.ts';

// Issue 11, rows 1 and 2: an order_id the wire schema allows but no store can hold (U+0000: "invalid
// byte sequence for encoding UTF8"; ~4 kB: "index row too large") was retried forever as a store
// failure and blocked its partition. Each must now reach orders.created.dlq with a reason, and the
// valid order behind it on the same partition must get its status within a bound.

const PARTITION = 1;
// Well under a retry-forever loop, well over a healthy worker's latency.
const BOUND_MS = 30_000;

const stores: { name: string; databaseUrl: () => Promise<TestDatabase | undefined> }[] = [
  { name: 'PGlite', databaseUrl: async () => undefined },
];
if (testDatabaseUrl() !== undefined) {
  stores.push({ name: 'PostgreSQL', databaseUrl: () => createTestDatabase('status_worker_hostile') });
}

describe.each(stores)('status-worker refuses uncarriable order ids across Kafka ($name)', (store) => {
  let producer: Producer;
  let topics: TestTopics;
  let reader: TopicRecorder;
  let fixture: KafkaFixture | undefined;
  let database: TestDatabase | undefined;
  let worker: InProcessWorker | undefined;

  beforeEach(async () => {
    fixture = await openKafkaFixture('hostile-ids', (topics) => [topics.status, topics.createdDlq]);
    ({ producer, topics, reader } = fixture);
    database = await store.databaseUrl();
    worker = await startInProcessWorker(topics, database ? { DATABASE_URL: database.url } : {});
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await database?.drop();
    database = undefined;
    await fixture?.close();
    fixture = undefined;
  });

  const onTopic = (topic: string) => reader.records.filter((record) => record.topic === topic);

  it('dead-letters an order_id with U+0000 and one of ~4 kB, and processes the valid order behind each', async () => {
    const withNul = makeOrder({ order_id: `order-\u0000-${randomBytes(4).toString('hex')}` });
    // ~4 kB of random printable text (base64 of random bytes): past the 200-character id limit.
    const huge = makeOrder({ order_id: randomBytes(3_000).toString('base64') });
    const [afterNul, afterHuge] = [makeOrder(), makeOrder()];
    const sequence = [withNul, afterNul, huge, afterHuge];
    const started = Date.now();
    // Raw, as a foreign producer would: one explicit partition, in this order, no contract headers.
    await producer.send({
      topic: topics.created,
      acks: -1,
      messages: sequence.map((order) => ({
        key: 'one-partition',
        value: JSON.stringify(order),
        partition: PARTITION,
      })),
    });

    const statuses = await waitFor(
      () => {
        const events = onTopic(topics.status);
        return events.length >= 2 && events;
      },
      {
        description: 'the two valid orders behind the hostile ones to get a status',
        timeoutMs: BOUND_MS,
        describeState: () =>
          `status events: ${onTopic(topics.status).length}, dead letters: ${onTopic(topics.createdDlq).length}`,
      },
    );
    expect(Date.now() - started).toBeLessThan(BOUND_MS);
    const decoded = statuses.map((record) => decodeOrderStatusChanged(record.value));
    expect(decoded.map((event) => event.ok && [event.value.order_id, event.value.status])).toEqual([
      [afterNul.order_id, 'PROCESSING'],
      [afterHuge.order_id, 'PROCESSING'],
    ]);

    const dead = await waitFor(
      () => {
        const records = onTopic(topics.createdDlq);
        return records.length >= 2 && records;
      },
      { description: 'two records on orders.created.dlq', timeoutMs: BOUND_MS },
    );
    expect(dead).toHaveLength(2);
    expect(dead.map((record) => String(record.value))).toEqual([
      JSON.stringify(withNul),
      JSON.stringify(huge),
    ]);
    expect(dead.map((record) => record.headers['x-dlq-source-offset'])).toEqual(['0', '2']);
    for (const record of dead) {
      expect(record.headers).toMatchObject({
        'x-dlq-error-code': 'STATUS_WORKER_ORDER_UNDECODABLE',
        'x-dlq-source-topic': topics.created,
        'x-dlq-source-partition': String(PARTITION),
      });
      expect(record.headers['x-dlq-reason']).toContain('/order_id');
      expect(record.headers['x-dlq-reason']).toContain('cannot store or carry');
    }
    // Neither hostile order got a lifecycle, and only the two valid ones did.
    expect(onTopic(topics.status)).toHaveLength(2);
    const view = await worker?.app.inject({ method: 'GET', url: `/orders/${afterHuge.order_id}` });
    expect(view?.statusCode).toBe(200);
  }, 60_000);
});
