import type { Admin, Kafka, Producer } from 'kafkajs';
import { createTestKafka, createTestTopics, deleteTestTopics, type TestTopics } from './test-kafka.ts';
import { startTopicReader, type TopicReader } from './topic-reader.ts';

/** What every status-worker integration test opens first: a client, fresh topics, a producer, a reader. */
export interface KafkaFixture {
  kafka: Kafka;
  admin: Admin;
  /** Idempotent, connected. */
  producer: Producer;
  topics: TestTopics;
  /** Reads the topics `read` chose from the beginning, in the background. */
  reader: TopicReader;
  /** Stops the reader and the producer, deletes the topics, disconnects. */
  close(): Promise<void>;
}

/** Opens a test's Kafka side: topics named after `label`, a producer, and a reader of `read(topics)`. */
export async function openKafkaFixture(
  label: string,
  read: (topics: TestTopics) => string[],
): Promise<KafkaFixture> {
  const kafka = createTestKafka();
  const admin = kafka.admin();
  await admin.connect();
  const topics = await createTestTopics(admin, label);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const reader = await startTopicReader(kafka, read(topics));
  return {
    kafka,
    admin,
    producer,
    topics,
    reader,
    async close() {
      await Promise.all([reader.close(), producer.disconnect()]);
      await deleteTestTopics(admin, topics);
      await admin.disconnect();
    },
  };
}
