import { randomUUID } from 'node:crypto';
import {
  createTestTopics,
  startTopicRecorder,
  type TopicRecorder,
  testKafka,
} from '@order-service/test-support';
import type { Kafka, Producer } from 'kafkajs';

/** One test's own topics (each with its .dlq) and consumer group id. */
export interface TestTopics {
  created: string;
  createdDlq: string;
  status: string;
  statusDlq: string;
  groupId: string;
}

/**
 * Fresh topics named after `label` (orders.created and orders.status, each with its .dlq, 3
 * partitions) and a group id of their own; `remove` deletes the topics.
 */
export async function createWorkerTopics(
  kafka: Kafka,
  label: string,
): Promise<{ topics: TestTopics; remove(): Promise<void> }> {
  const created = await createTestTopics(kafka, [`orders.created.${label}`, `orders.status.${label}`]);
  const [createdTopic = '', statusTopic = ''] = created.names;
  return {
    topics: {
      created: createdTopic,
      createdDlq: `${createdTopic}.dlq`,
      status: statusTopic,
      statusDlq: `${statusTopic}.dlq`,
      groupId: `status-worker-${label}-${randomUUID()}`,
    },
    remove: created.remove,
  };
}

/** What every status-worker integration test opens first: a client, fresh topics, a producer, a reader. */
export interface KafkaFixture {
  kafka: Kafka;
  /** Idempotent, connected. */
  producer: Producer;
  topics: TestTopics;
  /** Reads the topics `read` chose from the beginning, in the background. */
  reader: TopicRecorder;
  /** Stops the reader and the producer, deletes the topics. */
  close(): Promise<void>;
}

/** Opens a test's Kafka side: topics named after `label`, a producer, and a reader of `read(topics)`. */
export async function openKafkaFixture(
  label: string,
  read: (topics: TestTopics) => string[],
): Promise<KafkaFixture> {
  const kafka = testKafka({ clientId: 'status-worker-test' });
  const { topics, remove } = await createWorkerTopics(kafka, label);
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const reader = await startTopicRecorder(kafka, read(topics));
  return {
    kafka,
    producer,
    topics,
    reader,
    async close() {
      await Promise.all([reader.stop(), producer.disconnect()]);
      await remove();
    },
  };
}
