import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  createTestTopics as createSharedTestTopics,
  type ReadRecord,
  readTopicToEnd,
  waitFor as waitUntil,
} from '@order-service/test-support';
import { type Kafka, logLevel } from 'kafkajs';
import { createKafka } from '../../src/kafka/create-kafka.ts';
import { createLogger, type Logger } from '../../src/logging/create-logger.ts';

/** A logger that prints nothing unless TEST_LOG_LEVEL is set. */
export function testLogger(): Logger {
  const level = (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent' | 'debug' | 'info' | 'warn';
  if (level !== 'silent') return createLogger({ name: 'test', level });
  return createLogger({
    name: 'test',
    level: 'silent',
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });
}

export const brokers = process.env.KAFKA_BROKERS ?? 'localhost:9092';

/** A kafkajs client for tests; `options` lets a test reroute sockets. */
export function testKafka(logger: Logger, options: Parameters<typeof createKafka>[2] = {}): Kafka {
  return createKafka(
    { KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: `test-${randomUUID().slice(0, 8)}` },
    logger,
    options,
  );
}

/** Fresh topics `<prefix>.test-<uuid>-<index>` (and their `.dlq`), 3 partitions; deleted by `remove`. */
export async function createTestTopics(
  kafka: Kafka,
  prefix: string,
  count = 1,
): Promise<{ topics: string[]; remove: () => Promise<void> }> {
  const bases = Array.from({ length: count }, (_value, index) => `${prefix}-${index}`);
  const { names, remove } = await createSharedTestTopics(kafka, bases);
  return { topics: names, remove };
}

/** Reads every record currently in `topic` (all partitions, past transaction markers, up to their end). */
export function readAll(kafka: Kafka, topic: string): Promise<ReadRecord[]> {
  return readTopicToEnd(kafka, topic);
}

/** Polls `condition` until it is true or the deadline passes. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
  label = 'condition',
): Promise<void> {
  await waitUntil(condition, { timeoutMs, description: label });
}

export { logLevel, type ReadRecord };
