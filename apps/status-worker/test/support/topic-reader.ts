import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';

/** One record as read back by a test. */
export interface ReadRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Reads topics from the beginning in the background, keeping every record for assertions. */
export interface TopicReader {
  records: ReadRecord[];
  close(): Promise<void>;
}

/** Starts a consumer of its own (fresh group) on `topics`, from the earliest offset. */
export async function startTopicReader(kafka: Kafka, topics: readonly string[]): Promise<TopicReader> {
  const consumer: Consumer = kafka.consumer({
    groupId: `reader-${randomUUID()}`,
    allowAutoTopicCreation: false,
  });
  const records: ReadRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
      }
      records.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key === null ? null : message.key.toString('utf8'),
        value: message.value,
        headers,
      });
    },
  });
  return { records, close: () => consumer.disconnect() };
}
