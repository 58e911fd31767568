import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createKafka, createLogger, type Logger } from '@order-service/runtime';
import {
  createTestSchema,
  createTestTopics,
  freshPgliteDir,
  type ReadRecord,
  readTopicToEnd,
  waitFor as waitUntil,
} from '@order-service/test-support';
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
  const { names, remove } = await createTestTopics(kafka, ['orders.created']);
  return { topic: names[0] ?? '', remove };
}

/** A fresh database: a PGlite folder, or a new schema on the test PostgreSQL. */
export function freshDatabase(engine: 'pglite' | 'postgres'): {
  env: Record<string, string>;
  drop: () => Promise<void>;
} {
  if (engine === 'pglite') {
    const { dataDir, remove } = freshPgliteDir('order-producer-test-');
    return { env: { DATA_DIR: dataDir }, drop: remove };
  }
  const { url, schema, drop } = createTestSchema('op');
  return { env: { DATABASE_URL: url, DATABASE_SCHEMA: schema }, drop };
}

/** What an order-producer test starts from: a Kafka client, its own orders topic and a fresh database. */
export interface TestEnvironment {
  kafka: Kafka;
  topic: string;
  database: ReturnType<typeof freshDatabase>;
}

/** Opens a test's environment on `engine`; what it creates is undone by the `cleanups` it pushes. */
export async function openTestEnvironment(
  engine: 'pglite' | 'postgres',
  logger: Logger,
  cleanups: (() => Promise<void>)[],
): Promise<TestEnvironment> {
  const kafka = testKafka(logger);
  const { topic, remove } = await createOrdersTopic(kafka);
  cleanups.push(remove);
  const database = freshDatabase(engine);
  cleanups.push(database.drop);
  return { kafka, topic, database };
}

/** The app config of a test. */
export function testConfig(env: Record<string, string>): Readonly<OrderProducerConfig> {
  return loadOrderProducerConfig({
    // Explicit: these tests call the routes without a key (auth has its own tests).
    ORDER_SERVICE_MODE: 'development',
    KAFKA_BROKERS: brokers,
    OUTBOX_POLL_INTERVAL_MS: '1000',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** Reads every record currently in `topic` (past transaction markers, up to its end). */
export function readAll(kafka: Kafka, topic: string): Promise<ReadRecord[]> {
  return readTopicToEnd(kafka, topic);
}

/** Polls until `condition` holds or the deadline passes. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  label: string,
): Promise<void> {
  await waitUntil(condition, { timeoutMs, intervalMs: 150, description: label });
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

export { countOffsets, type ReadRecord } from '@order-service/test-support';
