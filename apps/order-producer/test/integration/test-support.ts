import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createKafka, createLogger, type Logger, openStore } from '@order-service/runtime';
import type { Kafka } from 'kafkajs';
import { loadOrderProducerConfig, type OrderProducerConfig } from '../../src/config.ts';

export const brokers = process.env.KAFKA_BROKERS ?? 'localhost:9092';
export const databaseUrl = process.env.TEST_DATABASE_URL;
/** PGlite always; PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: ('pglite' | 'postgres')[] =
  databaseUrl === undefined ? ['pglite'] : ['pglite', 'postgres'];

/** Silent unless TEST_LOG_LEVEL is set. */
export function testLogger(): Logger {
  const level = process.env.TEST_LOG_LEVEL as 'debug' | 'info' | 'warn' | undefined;
  if (level !== undefined) return createLogger({ name: 'test', level });
  return createLogger({
    name: 'test',
    level: 'silent',
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });
}

/** A kafkajs client for assertions. */
export function testKafka(logger: Logger): Kafka {
  return createKafka({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: `test-${randomUUID().slice(0, 8)}` }, logger);
}

/** A per-test topic for orders/created (3 partitions) plus its DLQ; `remove` deletes them. */
export async function createOrdersTopic(
  kafka: Kafka,
): Promise<{ topic: string; remove: () => Promise<void> }> {
  const topic = `orders.created.test-${randomUUID().slice(0, 12)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [topic, `${topic}.dlq`].map((name) => ({ topic: name, numPartitions: 3 })),
    waitForLeaders: true,
  });
  return {
    topic,
    remove: async () => {
      await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

/** A fresh database: a PGlite folder, or a new schema on the test PostgreSQL. */
export function freshDatabase(engine: 'pglite' | 'postgres'): {
  env: Record<string, string>;
  drop: () => Promise<void>;
} {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'order-producer-test-'));
    return {
      env: { DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `op_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  return {
    env: { DATABASE_URL: databaseUrl as string, DATABASE_SCHEMA: schema },
    drop: async () => {
      const store = await openStore({ databaseUrl, logger: testLogger() });
      await store.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await store.close();
    },
  };
}

/** The app config of a test. */
export function testConfig(env: Record<string, string>): Readonly<OrderProducerConfig> {
  return loadOrderProducerConfig({
    KAFKA_BROKERS: brokers,
    OUTBOX_POLL_INTERVAL_MS: '1000',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** A record read back from a topic. */
export interface ReadRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads every record currently in `topic`. */
export async function readAll(kafka: Kafka, topic: string): Promise<ReadRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(
    ends.filter((entry) => entry.high !== entry.low).map((entry) => [entry.partition, BigInt(entry.high)]),
  );
  const records: ReadRecord[] = [];
  if (remaining.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `test-read-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}`)), 60_000);
      // Batch events also cover transaction markers, which never reach eachMessage.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const end = remaining.get(payload.partition);
        if (end !== undefined && BigInt(payload.lastOffset) >= end - 1n) remaining.delete(payload.partition);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) {
            const first = Array.isArray(value) ? value[0] : value;
            if (first !== undefined) headers[name] = first.toString();
          }
          records.push({
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers,
          });
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/**
 * Counts offsets used in `topic` without reading it (sum of partition end - start): records plus
 * transaction markers, so it is an upper bound of the records, and 0 only for an empty topic.
 */
export async function countOffsets(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return offsets.reduce((total, entry) => total + Number(BigInt(entry.high) - BigInt(entry.low)), 0);
}

/** Polls until `condition` holds or the deadline passes. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  label: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
}

/** A valid order body with a unique id. */
export function orderBody(orderId = `order-${randomUUID()}`) {
  return {
    order_id: orderId,
    customer_id: 'user789',
    items: [
      { product_id: 'prod123', quantity: 2, price: 150_000 },
      { product_id: 'prod456', quantity: 1, price: 99 },
    ],
  };
}
