import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

/** One record as read from a topic: key, value and headers as text. */
export type RecordedRecord = {
  topic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  value: string;
  headers: Record<string, string>;
};

/** Reads a topic from the beginning into memory for as long as the test runs. */
export type TopicRecorder = {
  readonly records: RecordedRecord[];
  stop(): Promise<void>;
};

function headersAsText(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
) {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}

/**
 * Starts a consumer (its own random group, read_committed) on `topic` from the beginning and
 * keeps every record it sees, so a test can assert on exactly what was published.
 */
export async function startTopicRecorder(kafka: Kafka, topic: string): Promise<TopicRecorder> {
  const consumer = kafka.consumer({ groupId: `e2e-recorder-${randomUUID()}`, allowAutoTopicCreation: false });
  const records: RecordedRecord[] = [];
  // The recorder's own group may be handed records again (a broker restart, a rebalance): each
  // partition offset is kept once, so only real duplicates on the topic show up as duplicates.
  const seen = new Set<string>();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const position = `${batch.partition}:${message.offset}`;
        if (seen.has(position)) continue;
        seen.add(position);
        records.push({
          topic,
          partition: batch.partition,
          offset: message.offset,
          key: message.key?.toString(),
          value: message.value?.toString() ?? '',
          headers: headersAsText(message.headers),
        });
      }
    },
  });
  await joined;
  return { records, stop: () => consumer.disconnect() };
}
