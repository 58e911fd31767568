import type { Kafka } from 'kafkajs';
import { testTopicNames, withDeadLetterTopics } from './test-topic-names.ts';

/** One test's topics; `remove` deletes them (and their `.dlq`). */
export interface TestTopics {
  /** The topic names, in the order given (without the `.dlq` ones). */
  names: string[];
  /** Deletes the topics and their `.dlq`, best effort; a second call does nothing. */
  remove(): Promise<void>;
}

/** Options of `createTestTopics` and `createTopicsWithDeadLetters`. */
export interface TestTopicOptions {
  /** Default 3, as the apps' topics. */
  partitions?: number;
  /** Topic settings, e.g. `max.message.bytes`. */
  configEntries?: { name: string; value: string }[];
}

/**
 * Creates a fresh topic per base (`<base>.test-<uuid>`), each with its `.dlq`, and waits for their
 * leaders, so a test starts on empty topics of its own.
 */
export function createTestTopics(
  kafka: Kafka,
  bases: readonly string[],
  options: TestTopicOptions = {},
): Promise<TestTopics> {
  return createTopicsWithDeadLetters(kafka, testTopicNames(bases), options);
}

/** Creates `topics` (names chosen by the test, unique per run), each with its `.dlq`; see `createTestTopics`. */
export async function createTopicsWithDeadLetters(
  kafka: Kafka,
  topics: readonly string[],
  options: TestTopicOptions = {},
): Promise<TestTopics> {
  const all = withDeadLetterTopics(topics);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: all.map((topic) => ({
        topic,
        numPartitions: options.partitions ?? 3,
        replicationFactor: 1,
        ...(options.configEntries === undefined ? {} : { configEntries: options.configEntries }),
      })),
    });
  } finally {
    await admin.disconnect();
  }
  let removed: Promise<void> | undefined;
  return {
    names: [...topics],
    // Once: deleting topics that are gone already only waits for kafkajs's retries.
    remove: () => {
      removed ??= deleteTopics(kafka, all);
      return removed;
    },
  };
}

/**
 * Deletes topics, best effort: the broker may be gone or restarting at teardown (outage tests), and
 * a topic left behind is only litter (its name is unique), not the test's failure.
 */
async function deleteTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics: [...topics], timeout: 30_000 });
  } catch {
    // Left for the broker's owner to clean.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
