import { readTopicToEnd } from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import type { TopicReader } from './topic-reader.ts';
import { waitFor } from './wait-for.ts';

/**
 * Waits until the reader has every record the topic holds now. The relay publishes in Kafka
 * transactions, whose markers take offsets but are never delivered, so the target is the count of
 * records read to the high watermarks, not the offsets between them. Only then can a test say that
 * no duplicate was published.
 */
export async function readToEnd(kafka: Kafka, reader: TopicReader, topic: string): Promise<void> {
  const total = (await readTopicToEnd(kafka, topic)).length;
  await waitFor(
    `the reader to hold all ${total} records of ${topic}`,
    () => reader.records.filter((record) => record.topic === topic).length >= total,
    {
      timeoutMs: 60_000,
      describeState: () => `${reader.records.filter((record) => record.topic === topic).length} read`,
    },
  );
}
