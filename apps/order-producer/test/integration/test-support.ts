import { randomUUID } from 'node:crypto';
import {
  type Cleanup,
  createTestSchema,
  createTestTopics,
  freshPgliteDir,
  testBrokers,
  testDatabaseUrl,
  testKafka,
} from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { loadOrderProducerConfig, type OrderProducerConfig } from '../../src/config.ts';

/** PGlite always; PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: ('pglite' | 'postgres')[] =
  testDatabaseUrl() === undefined ? ['pglite'] : ['pglite', 'postgres'];

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
  cleanups: Cleanup[],
): Promise<TestEnvironment> {
  const kafka = testKafka();
  const { names, remove } = await createTestTopics(kafka, ['orders.created']);
  cleanups.push(remove);
  const database = freshDatabase(engine);
  cleanups.push(database.drop);
  return { kafka, topic: names[0] as string, database };
}

/** The app config of a test. */
export function testConfig(env: Record<string, string>): Readonly<OrderProducerConfig> {
  return loadOrderProducerConfig({
    // Explicit: these tests call the routes without a key (auth has its own tests).
    ORDER_SERVICE_MODE: 'development',
    KAFKA_BROKERS: testBrokers(),
    OUTBOX_POLL_INTERVAL_MS: '1000',
    LOG_LEVEL: 'warn',
    ...env,
  });
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
