import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { type ReadRecord, toReadRecord } from './read-record.ts';

type Admin = ReturnType<Kafka['admin']>;

// A topic created a moment ago may not have its leaders in the metadata yet ("not the leader for
// that topic-partition", retriable): ask again for a few seconds before giving up.
async function fetchOffsetsOnceLed(admin: Admin, topic: string): ReturnType<Admin['fetchTopicOffsets']> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      const retriable = (error as { retriable?: unknown }).retriable === true;
      if (!retriable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Reads `topics` from their start up to their high watermarks of now, with one consumer of its own
 * (fresh group), and returns the records per topic. The relays publish in Kafka transactions, so
 * offsets include transaction markers that are never delivered as messages: a partition is done
 * once the consumer's position (a batch's last offset, markers included) reaches its high
 * watermark, not when a message at `high - 1` arrives.
 */
export async function readTopicsToEnd(
  kafka: Kafka,
  topics: readonly string[],
  options: { timeoutMs?: number } = {},
): Promise<Record<string, ReadRecord[]>> {
  const records: Record<string, ReadRecord[]> = Object.fromEntries(topics.map((topic) => [topic, []]));
  const ends = new Map<string, bigint>();
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      for (const entry of await fetchOffsetsOnceLed(admin, topic)) {
        if (entry.high !== entry.low) ends.set(`${topic}:${entry.partition}`, BigInt(entry.high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return records;
  const remaining = new Set(ends.keys());
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    const timeoutMs = options.timeoutMs ?? 60_000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`Timed out after ${timeoutMs} ms reading ${[...remaining].join(', ')} to the end`),
          ),
        timeoutMs,
      );
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const key = `${payload.topic}:${payload.partition}`;
        const end = ends.get(key);
        if (end !== undefined && BigInt(payload.lastOffset) >= end - 1n) remaining.delete(key);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const end = ends.get(`${topic}:${partition}`);
            // Records published after the watermarks were read are not part of "now".
            if (end === undefined || BigInt(message.offset) >= end) return;
            records[topic]?.push(toReadRecord(topic, partition, message));
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error);
        });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** Reads one topic to its end (see `readTopicsToEnd`). */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  options: { timeoutMs?: number } = {},
): Promise<ReadRecord[]> {
  return (await readTopicsToEnd(kafka, [topic], options))[topic] ?? [];
}

/**
 * How many offsets `topic` uses (sum over partitions of high - low), without reading it: records
 * plus transaction markers, so an upper bound of the records, and 0 only for an empty topic.
 */
export async function countOffsets(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((total, entry) => total + Number(BigInt(entry.high) - BigInt(entry.low)), 0);
  } finally {
    await admin.disconnect();
  }
}
