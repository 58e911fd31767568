import type { Kafka } from 'kafkajs';

/** Partitions of every benchmark topic: the same layout as the local broker's orders.* topics. */
export const BENCH_PARTITIONS = 3;

/** Creates the topics (3 partitions, replication 1) and waits until the broker has their leaders. */
export async function createBenchTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({ topic, numPartitions: BENCH_PARTITIONS, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the run's topics so the shared broker is left as it was found. */
export async function deleteBenchTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const ours = topics.filter((topic) => existing.has(topic));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}
