import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { type DeadLetter, toDeadLetter } from './dead-letter.ts';
import { DeadLetterToolError } from './dead-letter-tool-error.ts';

/** One partition to read, from `from` (inclusive) to `end` (exclusive). */
interface PartitionRange {
  topic: string;
  partition: number;
  from: bigint;
  end: bigint;
}

/** Options of {@link readDeadLetters}. */
export interface ReadDeadLettersOptions {
  /** DLQ topics to read from their beginning up to the high watermark of the moment the read starts. */
  topics: readonly string[];
  /** Read only this record (for `show`) instead of whole topics. */
  only?: { topic: string; partition: number; offset: string } | undefined;
  /** Gives up when no record arrives for this long (default 30 s). */
  idleTimeoutMs?: number;
  /** Receives every record read, in partition order; the read keeps none itself. */
  onRecord: (deadLetter: DeadLetter) => void;
}

async function rangesToRead(kafka: Kafka, options: ReadDeadLettersOptions): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ranges: PartitionRange[] = [];
    for (const topic of options.topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        const range = { topic, partition, from: BigInt(low), end: BigInt(high) };
        if (options.only) {
          if (options.only.topic !== topic || options.only.partition !== partition) continue;
          const offset = BigInt(options.only.offset);
          range.from = offset;
          range.end = offset + 1n <= range.end ? offset + 1n : range.end;
        }
        if (range.end > range.from) ranges.push(range);
      }
    }
    return ranges;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads DLQ topics up to where they ended when the read started, then stops by itself. The
 * consumer's group is a throwaway one that never commits (and is deleted afterwards), so reading
 * changes nothing for anyone else. Resolves with the number of records read.
 */
export async function readDeadLetters(kafka: Kafka, options: ReadDeadLettersOptions): Promise<number> {
  let ranges: PartitionRange[];
  try {
    ranges = await rangesToRead(kafka, options);
  } catch (error) {
    throw new DeadLetterToolError(
      'DEAD_LETTERS_KAFKA_FAILED',
      `Could not read the offsets of ${options.topics.join(', ')}: ${(error as Error).message}. Check --brokers (or KAFKA_BROKERS) and that the topics exist (list shows every *.dlq topic).`,
      { cause: error },
    );
  }
  if (ranges.length === 0) return 0;
  const groupId = `dead-letters-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const remaining = new Map(ranges.map((range) => [`${range.topic}:${range.partition}`, range]));
  let read = 0;
  let lastProgress = Date.now();
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  try {
    await consumer.connect();
    await consumer.subscribe({
      topics: [...new Set(ranges.map((range) => range.topic))],
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch }) => {
        const range = remaining.get(`${batch.topic}:${batch.partition}`);
        if (!range) return;
        lastProgress = Date.now();
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < range.from || offset >= range.end) continue;
          read += 1;
          options.onRecord(toDeadLetter(batch.topic, batch.partition, message));
        }
        // Control records and compacted gaps never arrive as messages: the batch's last offset counts.
        if (BigInt(batch.lastOffset()) + 1n >= range.end) {
          remaining.delete(`${batch.topic}:${batch.partition}`);
          if (remaining.size === 0) finish();
        }
      },
    });
    for (const range of ranges) {
      consumer.seek({ topic: range.topic, partition: range.partition, offset: String(range.from) });
    }
    const idle = setInterval(() => {
      if (Date.now() - lastProgress > idleTimeoutMs) finish();
    }, 500);
    await finished;
    clearInterval(idle);
    if (remaining.size > 0) {
      const left = [...remaining.values()].map((range) => `${range.topic}[${range.partition}]`).join(', ');
      throw new DeadLetterToolError(
        'DEAD_LETTERS_KAFKA_FAILED',
        `No records arrived from ${left} for ${idleTimeoutMs} ms before their end was reached; the broker may be unreachable or the partitions without a leader. Try again once the broker answers.`,
      );
    }
    return read;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([groupId]))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
  }
}
