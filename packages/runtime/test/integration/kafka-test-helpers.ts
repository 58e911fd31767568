import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { type Admin, type Kafka, logLevel } from 'kafkajs';
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

/** A fresh topic name (and its `.dlq`), created with 3 partitions; deleted by the returned cleanup. */
export async function createTestTopics(
  kafka: Kafka,
  prefix: string,
  count = 1,
): Promise<{ topics: string[]; remove: () => Promise<void> }> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  const suffix = randomUUID().slice(0, 8);
  const topics = Array.from({ length: count }, (_value, index) => `${prefix}-${suffix}-${index}`);
  const all = topics.flatMap((topic) => [topic, `${topic}.dlq`]);
  await admin.createTopics({
    topics: all.map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  return {
    topics,
    remove: async () => {
      await admin.deleteTopics({ topics: all }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

/** A read record: value as text, headers as strings. */
export interface ReadRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Reads every record currently in `topic` (all partitions, up to their end). */
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
          if (value !== undefined)
            headers[name] = (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
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
  await consumer.disconnect();
  return records;
}

/** Polls `condition` until it is true or the deadline passes. */
export async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
  label = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}`);
}

export { logLevel };
