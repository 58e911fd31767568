import type { SystemTopics } from '@order-service/run-system/apps';
import { createTopicsWithDeadLetters, type TestTopics, testTopicNames } from '@order-service/test-support';
import type { Kafka } from 'kafkajs';

/**
 * The broker of the tests: KAFKA_BROKERS when set, else the local broker (started if needed and
 * left running for the other suites).
 */
export async function provideTestBrokers(): Promise<string> {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  const { startLocalKafka } = await import('@order-service/run-system/kafka');
  return (await startLocalKafka()).brokers.join(',');
}

/** Topic names of one test run (a random suffix keeps runs apart on a shared broker). */
export function systemTopicNames(label: string): SystemTopics {
  const [created = '', status = '', notifications = ''] = testTopicNames([
    `e2e.${label}.orders.created`,
    `e2e.${label}.orders.status`,
    `e2e.${label}.orders.notifications`,
  ]);
  return { created, status, notifications };
}

/**
 * Creates the run's topics with their dead-letter topics, in the layout of the local broker's
 * orders.* topics (3 partitions); `remove` deletes them again, best effort.
 */
export function createSystemTopics(kafka: Kafka, topics: SystemTopics): Promise<TestTopics> {
  return createTopicsWithDeadLetters(kafka, Object.values(topics));
}
