/**
 * Short load run of POST /orders (not a test): starts the built app (`node dist/main.js`) on a
 * fresh PGlite folder, or on PostgreSQL when BENCH_DATABASE_URL is set (a fresh schema), with a
 * throw-away topic on the local Kafka, then drives it with autocannon, each request a new order id.
 *
 *   pnpm --filter @order-service/order-producer build
 *   node apps/order-producer/bench/post-orders.bench.ts            # BENCH_SECONDS=10 BENCH_CONNECTIONS=20
 *
 * Prints requests/s, latency percentiles, status counts and how far the relay lagged behind.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Kafka, logLevel } from 'kafkajs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const brokers = process.env.KAFKA_BROKERS ?? 'localhost:9092';
const databaseUrl = process.env.BENCH_DATABASE_URL;
const mainScript = fileURLToPath(new URL('../dist/main.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** Reads the topic to its end: records and distinct keys (a duplicate would make them differ). */
async function countPublished(): Promise<{ records: number; distinctKeys: number }> {
  const ends = new Map(
    (await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, BigInt(entry.high)]),
  );
  for (const [partition, end] of ends) if (end === 0n) ends.delete(partition);
  const keys = new Set<string>();
  let records = 0;
  const consumer = kafka.consumer({ groupId: `bench-count-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve) => {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const end = ends.get(payload.partition);
      if (end !== undefined && BigInt(payload.lastOffset) >= end - 1n) ends.delete(payload.partition);
      if (ends.size === 0) resolve();
    });
    void consumer.run({
      eachMessage: async ({ message }) => {
        records += 1;
        keys.add(message.key?.toString() ?? '');
      },
    });
  });
  await consumer.disconnect();
  return { records, distinctKeys: keys.size };
}

async function pendingOutbox(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith('outbox_pending_messages'));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

const kafka = new Kafka({ brokers: brokers.split(','), clientId: 'bench', logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
const topic = `orders.created.bench-${randomUUID().slice(0, 8)}`;
await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });

const dataDir = mkdtempSync(join(tmpdir(), 'order-producer-bench-'));
const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [mainScript], {
  env: {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: brokers,
    TOPIC_ORDERS_CREATED: topic,
    DATA_DIR: dataDir,
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema }),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

try {
  if (!(await until(async () => (await fetch(`${baseUrl}/health`)).ok, 60_000)))
    throw new Error('app did not start');
  const body = (orderId: string) =>
    JSON.stringify({
      order_id: orderId,
      customer_id: 'bench-customer',
      items: [
        { product_id: 'prod123', quantity: 2, price: 150_000 },
        { product_id: 'prod456', quantity: 1, price: 4_990 },
      ],
    });
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/orders',
        headers: { 'content-type': 'application/json' },
        // A new order id per request: every request stores an order and an outbox row.
        setupRequest: (request) => ({ ...request, body: body(randomUUID()) }),
      },
    ],
  });
  const drainStarted = Date.now();
  const drained = await until(async () => (await pendingOutbox(baseUrl)) === 0, 120_000);
  const published = await countPublished();
  const figures = {
    store: databaseUrl === undefined ? 'pglite' : 'postgres',
    seconds,
    connections,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    publishedRecords: published.records,
    publishedDistinctOrderIds: published.distinctKeys,
    relayCaughtUpWithinMs: drained ? Date.now() - drainStarted : null,
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  rmSync(dataDir, { recursive: true, force: true });
}
