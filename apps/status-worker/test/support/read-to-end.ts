import type { Admin } from 'kafkajs';
import type { TopicReader } from './topic-reader.ts';
import { waitFor } from './wait-for.ts';

/**
 * Waits until the reader has every record the topic holds now (its count equals the sum of the
 * partitions' high watermarks; plain idempotent producers leave no gaps in offsets). Only then can a
 * test say that no duplicate was published.
 */
export async function readToEnd(admin: Admin, reader: TopicReader, topic: string): Promise<void> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const total = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  await waitFor(
    `the reader to hold all ${total} records of ${topic}`,
    () => reader.records.filter((record) => record.topic === topic).length >= total,
    {
      timeoutMs: 60_000,
      describeState: () => `${reader.records.filter((record) => record.topic === topic).length} read`,
    },
  );
}
