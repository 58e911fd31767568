import type { Kafka } from 'kafkajs';
import { testTopicNames, withDeadLetterTopics } from './test-topic-names.ts';

/** One test's topics; `remove` deletes them (and their `.dlq`) and disconnects. */
export interface TestTopics {
  /** The topic names, in the order of the bases given (without the `.dlq` ones). */
  names: string[];
  remove(): Promise<void>;
}

/**
 * Creates a fresh topic per base, each with its `.dlq`, 3 partitions, and waits for their leaders,
 * so a test starts on empty topics of its own.
 */
export async function createTestTopics(
  kafka: Kafka,
  bases: readonly string[],
  options: { partitions?: number } = {},
): Promise<TestTopics> {
  const names = testTopicNames(bases);
  const all = withDeadLetterTopics(names);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: all.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
    });
  } catch (error) {
    await admin.disconnect();
    throw error;
  }
  return {
    names,
    async remove() {
      // The broker may be gone at teardown (outage tests): deleting is best effort.
      await admin.deleteTopics({ topics: all }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
