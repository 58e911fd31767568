import { randomUUID } from 'node:crypto';
import { dlqTopic } from '@order-service/contracts';
import type { SystemTopics } from '@order-service/run-system/apps';
import { Kafka, logLevel } from 'kafkajs';

/**
 * The broker of the tests: KAFKA_BROKERS when set, else the local broker (started if needed and
 * left running for the other suites).
 */
export async function provideTestBrokers(): Promise<string> {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  const { startLocalKafka } = await import('@order-service/run-system/kafka');
  return (await startLocalKafka()).brokers.join(',');
}

/** A kafkajs client for the test's own reading and admin work. */
export function createTestKafka(brokers: string): Kafka {
  return new Kafka({
    clientId: `e2e-${randomUUID().slice(0, 8)}`,
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
}

/** Topic names of one test run (a random suffix keeps runs apart on a shared broker). */
export function createTestTopics(label: string): SystemTopics {
  const suffix = randomUUID().slice(0, 8);
  return {
    created: `e2e.${label}.${suffix}.orders.created`,
    status: `e2e.${label}.${suffix}.orders.status`,
    notifications: `e2e.${label}.${suffix}.orders.notifications`,
  };
}

/** Every topic of a run, the dead-letter topics included. */
export function allTopicsOf(topics: SystemTopics): string[] {
  return Object.values(topics).flatMap((topic) => [topic, dlqTopic(topic)]);
}

/** Creates the run's topics with the layout of the local broker's orders.* topics (3 partitions). */
export async function createTopics(kafka: Kafka, topics: SystemTopics): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: allTopicsOf(topics).map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the run's topics again; a failure only leaves litter, so it is not the test's failure. */
export async function deleteTopics(kafka: Kafka, topics: SystemTopics): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics: allTopicsOf(topics), timeout: 30_000 });
  } catch {
    // Left for the broker's owner to clean; names carry a random suffix, so nothing reuses them.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
