/**
 * Backlog benchmark (not a test): how many orders/s one status-worker instance drains from a
 * backlog. Fills a fresh orders.created topic (3 partitions) with ORDERS valid orders through raw
 * kafkajs, starts one instance (`node dist/main.js`, PGlite in a temporary folder), and times
 * until every order's PROCESSING event is on orders.status.
 *
 *   pnpm --filter @order-service/status-worker build
 *   node apps/status-worker/bench/backlog.bench.ts        # ORDERS=10000 by default
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeOrderStatusChanged } from '@order-service/contracts';
import { makeOrder } from '../test/support/order-fixtures.ts';
import {
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  produceRecords,
} from '../test/support/test-kafka.ts';
import { startTopicReader } from '../test/support/topic-reader.ts';
import { waitFor } from '../test/support/wait-for.ts';
import { startWorkerProcess } from '../test/support/worker-process.ts';

const ORDERS = Number(process.env.ORDERS ?? 10_000);

const kafka = createTestKafka('status-worker-bench');
const admin = kafka.admin();
await admin.connect();
const topics = await createTestTopics(admin, 'bench');
const dataDir = await mkdtemp(join(tmpdir(), 'status-worker-bench-'));
const producer = kafka.producer({ idempotent: true });
await producer.connect();

const orders = Array.from({ length: ORDERS }, () => makeOrder());
const fillStarted = performance.now();
await produceRecords(
  producer,
  topics.created,
  orders.map((order) => ({ key: order.order_id, value: JSON.stringify(order) })),
  1_000,
);
console.log(`filled ${ORDERS} orders in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

const reader = await startTopicReader(kafka, [topics.status]);
const spawned = performance.now();
const worker = await startWorkerProcess({
  KAFKA_GROUP_ID: topics.groupId,
  TOPIC_ORDERS_CREATED: topics.created,
  TOPIC_ORDERS_STATUS: topics.status,
  DATA_DIR: dataDir,
});
const ready = performance.now();
try {
  const processing = new Set<string>();
  let scanned = 0;
  await waitFor(
    `${ORDERS} PROCESSING events`,
    () => {
      for (; scanned < reader.records.length; scanned++) {
        const decoded = decodeOrderStatusChanged(reader.records[scanned]?.value);
        if (decoded.ok && decoded.value.status === 'PROCESSING') processing.add(decoded.value.order_id);
      }
      return processing.size >= ORDERS;
    },
    { timeoutMs: 600_000, intervalMs: 50, describeState: () => `${processing.size} so far` },
  );
  const done = performance.now();
  const drainSeconds = (done - ready) / 1000;
  console.log(`instance ready ${((ready - spawned) / 1000).toFixed(1)} s after spawn`);
  console.log(`${ORDERS} orders -> PROCESSING on orders.status in ${drainSeconds.toFixed(1)} s after ready`);
  console.log(`${(ORDERS / drainSeconds).toFixed(0)} orders/s (one instance, PGlite, 3 partitions)`);
  console.log(`${(ORDERS / ((done - spawned) / 1000)).toFixed(0)} orders/s including start-up`);
} finally {
  await worker.stop();
  await reader.close();
  await producer.disconnect();
  await deleteTestTopics(admin, topics);
  await admin.disconnect();
  await rm(dataDir, { recursive: true, force: true });
}
