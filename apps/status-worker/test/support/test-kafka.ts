import { randomUUID } from 'node:crypto';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';

/** The local broker the integration tests use (KAFKA_BROKERS, default localhost:9092). */
export const TEST_BROKERS = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');

/** A silent kafkajs client for test code (the app under test has its own). */
export function createTestKafka(clientId = 'status-worker-test'): Kafka {
  return new Kafka({ clientId, brokers: TEST_BROKERS, logLevel: logLevel.NOTHING });
}

/** One test's own topics (each with its .dlq) and consumer group id. */
export interface TestTopics {
  created: string;
  createdDlq: string;
  status: string;
  statusDlq: string;
  groupId: string;
}

/** Creates fresh topics with 3 partitions (and their DLQs) so no test sees another's records. */
export async function createTestTopics(admin: Admin, label: string): Promise<TestTopics> {
  const suffix = `${label}-${randomUUID()}`;
  const topics: TestTopics = {
    created: `orders.created.${suffix}`,
    createdDlq: `orders.created.${suffix}.dlq`,
    status: `orders.status.${suffix}`,
    statusDlq: `orders.status.${suffix}.dlq`,
    groupId: `status-worker-${suffix}`,
  };
  await admin.createTopics({
    waitForLeaders: true,
    topics: [topics.created, topics.createdDlq, topics.status, topics.statusDlq].map((topic) => ({
      topic,
      numPartitions: 3,
      replicationFactor: 1,
    })),
  });
  return topics;
}

/** Deletes a test's topics; failures are ignored (the broker may be gone at teardown). */
export async function deleteTestTopics(admin: Admin, topics: TestTopics): Promise<void> {
  await admin
    .deleteTopics({ topics: [topics.created, topics.createdDlq, topics.status, topics.statusDlq] })
    .catch(() => undefined);
}

/** One raw record to put on a topic. */
export interface RawRecord {
  key: string | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

/** Sends raw records in batches with acks from all replicas, as a producer app would. */
export async function produceRecords(
  producer: Producer,
  topic: string,
  records: readonly RawRecord[],
  batchSize = 500,
): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    await producer.send({
      topic,
      acks: -1,
      messages: records.slice(start, start + batchSize).map((record) => ({ ...record })),
    });
  }
}
