import { readTopicToEnd, type TopicRecorder, waitFor } from '@order-service/test-support';
import type { Kafka } from 'kafkajs';

/**
 * Waits until the reader has every record the topic holds now. The relay publishes in Kafka
 * transactions, whose markers take offsets but are never delivered, so the target is the count of
 * records read to the high watermarks, not the offsets between them. Only then can a test say that
 * no duplicate was published.
 */
export async function readToEnd(kafka: Kafka, reader: TopicRecorder, topic: string): Promise<void> {
  const total = (await readTopicToEnd(kafka, topic)).length;
  await waitFor(() => reader.records.filter((record) => record.topic === topic).length >= total, {
    description: `the reader to hold all ${total} records of ${topic}`,
    timeoutMs: 60_000,
    describeState: () => `${reader.records.filter((record) => record.topic === topic).length} read`,
  });
}
