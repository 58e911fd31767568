import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { type ReadRecord, toReadRecord } from './read-record.ts';

/** Reads topics from their beginning into memory for as long as the test runs. */
export interface TopicRecorder {
  /** Every record read so far, in the order they arrived (per partition: offset order). */
  readonly records: ReadRecord[];
  stop(): Promise<void>;
}

/**
 * Starts a consumer of its own (fresh group, committed records only) on `topics` from the
 * beginning, keeps every record it reads and resolves once it joined its group. The recorder's own
 * group may be handed records again (a rebalance, a broker restart): each partition offset is kept
 * once, so only real duplicates on a topic show up as duplicates.
 */
export async function startTopicRecorder(
  kafka: Kafka,
  topics: string | readonly string[],
): Promise<TopicRecorder> {
  const consumer = kafka.consumer({
    groupId: `test-recorder-${randomUUID()}`,
    allowAutoTopicCreation: false,
  });
  const records: ReadRecord[] = [];
  const seen = new Set<string>();
  await consumer.connect();
  try {
    await consumer.subscribe({
      topics: typeof topics === 'string' ? [topics] : [...topics],
      fromBeginning: true,
    });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const position = `${batch.topic}:${batch.partition}:${message.offset}`;
          if (seen.has(position)) continue;
          seen.add(position);
          records.push(toReadRecord(batch.topic, batch.partition, message));
        }
      },
    });
    await joined;
  } catch (error) {
    await consumer.disconnect();
    throw error;
  }
  return { records, stop: () => consumer.disconnect() };
}
