/**
 * Backlog benchmark (not a test): how many orders/s one status-worker instance drains from a
 * backlog. Fills a fresh orders.created topic (3 partitions) with ORDERS valid orders through raw
 * kafkajs, starts one instance (`node dist/main.js`, PGlite in a temporary folder), and times
 * until every order's PROCESSING event is on orders.status.
 *
 *   pnpm --filter @order-service/status-worker build
 *   node apps/status-worker/bench/backlog.bench.ts        # ORDERS=10000 by default
 *   BENCH_STORE=postgres TEST_DATABASE_URL=... node apps/status-worker/bench/backlog.bench.ts
 *                                                         # a fresh PostgreSQL database instead
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeOrderStatusChanged } from '@order-service/contracts';
import {
  createTestDatabase,
  produceRecords,
  startTopicRecorder,
  testKafka,
  waitFor,
} from '@order-service/test-support';
import { createWorkerTopics } from '../test/support/kafka-fixture.ts';
import { makeOrder } from '../test/support/order-fixtures.ts';
import { startWorkerProcess } from '../test/support/worker-process.ts';

const ORDERS = Number(process.env.ORDERS ?? 10_000);
const STORE = process.env.BENCH_STORE === 'postgres' ? 'postgres' : 'pglite';

const kafka = testKafka({ clientId: 'status-worker-bench' });
const { topics, remove: removeTopics } = await createWorkerTopics(kafka, 'bench');
const dataDir = await mkdtemp(join(tmpdir(), 'status-worker-bench-'));
const database = STORE === 'postgres' ? await createTestDatabase('status_worker') : undefined;
const producer = kafka.producer({ idempotent: true });
await producer.connect();

const orders = Array.from({ length: ORDERS }, () => makeOrder());
const fillStarted = performance.now();
await produceRecords(
  producer,
  topics.created,
  orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) })),
  { batchSize: 1_000 },
);
console.log(`filled ${ORDERS} orders in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

const reader = await startTopicRecorder(kafka, topics.status);
const processing = new Set<string>();
let scanned = 0;
// updated_at is stamped by the intake transaction itself, so the earliest one says when the
// instance took its first order off the backlog (start-up and group join excluded).
let firstProcessedAt = Number.POSITIVE_INFINITY;
const countProcessing = () => {
  for (; scanned < reader.records.length; scanned++) {
    const decoded = decodeOrderStatusChanged(reader.records[scanned]?.value);
    if (!decoded.ok || decoded.value.status !== 'PROCESSING') continue;
    processing.add(decoded.value.order_id);
    firstProcessedAt = Math.min(firstProcessedAt, Date.parse(decoded.value.updated_at));
  }
  return processing.size;
};
const sampler = setInterval(countProcessing, 20);

const spawned = Date.now();
// The instance consumes as soon as it has joined the group, before /ready answers.
const worker = await startWorkerProcess({
  KAFKA_GROUP_ID: topics.groupId,
  TOPIC_ORDERS_CREATED: topics.created,
  TOPIC_ORDERS_STATUS: topics.status,
  DATA_DIR: dataDir,
  ...(database === undefined ? {} : { DATABASE_URL: database.url }),
  LOG_LEVEL: 'warn',
  ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
});
try {
  await waitFor(() => countProcessing() >= ORDERS, {
    description: `${ORDERS} PROCESSING events`,
    timeoutMs: 600_000,
    intervalMs: 20,
    describeState: () => `${processing.size} so far`,
  });
  const done = Date.now();
  const drainSeconds = (done - firstProcessedAt) / 1000;
  const totalSeconds = (done - spawned) / 1000;
  console.log(
    `first order processed ${((firstProcessedAt - spawned) / 1000).toFixed(1)} s after spawn (start-up, store, group join)`,
  );
  console.log(
    `${ORDERS} orders: first processed -> last PROCESSING event on orders.status in ${drainSeconds.toFixed(1)} s`,
  );
  console.log(
    `${(ORDERS / drainSeconds).toFixed(0)} orders/s from the backlog (one instance, ${STORE}, 3 partitions)`,
  );
  console.log(
    `${(ORDERS / totalSeconds).toFixed(0)} orders/s counting start-up (${totalSeconds.toFixed(1)} s from spawn)`,
  );
} finally {
  clearInterval(sampler);
  await worker.stop();
  await reader.stop();
  await producer.disconnect();
  await removeTopics();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}
