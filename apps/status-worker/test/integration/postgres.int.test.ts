import { decodeOrderStatusChanged } from '@order-service/contracts';
import { openStore, type Store } from '@order-service/runtime';
import {
  createTestDatabase,
  metricValue,
  produceRecords,
  type TestDatabase,
  type TopicRecorder,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import type { Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStatusStream } from '../support/assert-status-stream.ts';
import { type InProcessWorker, startInProcessWorker } from '../support/in-process-worker.ts';
import { type KafkaFixture, openKafkaFixture, type TestTopics } from '../support/kafka-fixture.ts';
import { makeOrder } from '../support/order-fixtures.ts';
import { exclusiveTargets } from '../support/racing-targets.ts';

let producer: Producer;
let topics: TestTopics;
let reader: TopicRecorder;
let fixture: KafkaFixture | undefined;
let database: TestDatabase;
let workers: InProcessWorker[] = [];
let sideStore: Store | undefined;

beforeEach(async () => {
  fixture = await openKafkaFixture('pg', (topics) => [topics.status, topics.createdDlq]);
  ({ producer, topics, reader } = fixture);
  database = await createTestDatabase('status_worker');
});

afterEach(async () => {
  await Promise.all([...workers.map((worker) => worker.close()), sideStore?.close()]);
  workers = [];
  sideStore = undefined;
  await database?.drop();
  await fixture?.close();
  fixture = undefined;
});

async function startWorker(): Promise<InProcessWorker> {
  const worker = await startInProcessWorker(topics, { DATABASE_URL: database.url });
  workers.push(worker);
  return worker;
}

const statusRecords = () => reader.records.filter((record) => record.topic === topics.status);

describe('status-worker on PostgreSQL', () => {
  it('retries an order while the store fails, committing nothing and dead-lettering nothing, then processes it once', async () => {
    const worker = await startWorker();
    sideStore = await openStore({
      databaseUrl: database.url,
      logger: testLogger(),
    });
    // The intake's statements fail while the table is away, as they would with the database down.
    await sideStore.query('ALTER TABLE orders RENAME TO orders_offline');

    const order = makeOrder();
    await produceRecords(producer, topics.created, [{ key: order.order_id, value: JSON.stringify(order) }]);
    const metrics = async () => (await worker.app.inject({ method: 'GET', url: '/metrics' })).body;
    await waitFor(
      async () => {
        return metricValue(await metrics(), 'consumer_records_retried_total', { topic: topics.created }) >= 2;
      },
      { description: 'two failed attempts' },
    );
    expect(reader.records).toHaveLength(0);

    await sideStore.query('ALTER TABLE orders_offline RENAME TO orders');
    await waitFor(() => statusRecords().length === 1, {
      description: 'the PROCESSING event',
      timeoutMs: 90_000,
    });
    checkStatusStream(statusRecords());
    const decoded = decodeOrderStatusChanged(statusRecords()[0]?.value);
    expect(decoded.ok && decoded.value).toMatchObject({ order_id: order.order_id, status: 'PROCESSING' });
    expect(reader.records.filter((record) => record.topic === topics.createdDlq)).toHaveLength(0);
  });

  it('lets only one of two racing changes from the same status win, across two instances', async () => {
    const [first, second] = [await startWorker(), await startWorker()];
    const orders = Array.from({ length: 10 }, () => makeOrder());
    await produceRecords(
      producer,
      topics.created,
      orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) })),
    );
    await waitFor(() => statusRecords().length >= orders.length, { description: 'every order PROCESSING' });

    const [targetA, targetB] = exclusiveTargets('PROCESSING');
    const attempts = orders.flatMap((order) =>
      Array.from({ length: 8 }, (_, index) => ({
        orderId: order.order_id,
        status: index % 2 === 0 ? targetA : targetB,
        app: (index % 4 < 2 ? first : second).app,
      })),
    );
    const answers = await Promise.all(
      attempts.map(async (attempt) => {
        const response = await attempt.app.inject({
          method: 'POST',
          url: `/orders/${attempt.orderId}/status`,
          payload: { status: attempt.status },
        });
        return { ...attempt, code: response.statusCode };
      }),
    );

    expect(new Set(answers.map((answer) => answer.code))).toEqual(new Set([202, 409]));
    for (const order of orders) {
      const mine = answers.filter((answer) => answer.orderId === order.order_id);
      const winners = new Set(mine.filter((answer) => answer.code === 202).map((answer) => answer.status));
      expect(winners.size, `order ${order.order_id} had one winning status`).toBe(1);
      const [winner] = winners;
      for (const answer of mine) expect(answer.code).toBe(answer.status === winner ? 202 : 409);
    }
    await waitFor(() => statusRecords().length >= orders.length * 2, {
      description: 'one winning event per order',
    });
    const byOrder = checkStatusStream(statusRecords());
    for (const order of orders) expect(byOrder.get(order.order_id)).toHaveLength(2);
  });
});
