import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { RuntimeError } from '../errors.ts';

/** What a scan of a topic's partition tails found. */
export interface EventIdScan {
  /**
   * The wanted event ids seen on the topic (never any other id: memory is bounded by the
   * wanted set, not by the topic).
   */
  eventIds: Set<string>;
  /** Each partition's end offset at the time of the scan: the next scan may start there. */
  endOffsets: { topic: string; partition: number; offset: string }[];
  /** Records read from the topic (transaction markers apart). */
  recordsRead: number;
}

/** Options of `scanEventIds`. */
export interface ScanEventIdsOptions {
  topic: string;
  /** Event ids to look for; the scan stops once every one of them has been seen. */
  wanted: ReadonlySet<string>;
  /** First offset to read per partition (saved offsets); partitions not listed are read from their start. */
  from: ReadonlyMap<number, string>;
  /**
   * Epoch milliseconds before which no wanted record can have been written: each partition starts
   * at the first offset with a timestamp at or after it (kafkajs' `fetchTopicOffsetsByTimestamp`),
   * or at its `from` offset when that is later.
   */
  notBefore?: number;
  headerName: string;
  clientId: string;
  timeoutMs: number;
  /** Gets an info line with the records read so far, at most every `progressIntervalMs`. */
  logger?: Logger;
  /** Default 5000 ms. */
  progressIntervalMs?: number;
}

interface Range {
  start: bigint;
  end: bigint;
}

/**
 * Reads the partitions of a topic from their start offsets (see `from` and `notBefore`) up to
 * their current end, or until every wanted event id has been seen, and keeps the `headerName`
 * values that are wanted. It uses a throw-away consumer group that commits nothing (kafkajs has
 * no manual partition assignment), then deletes that group.
 */
export async function scanEventIds(kafka: Kafka, options: ScanEventIdsOptions): Promise<EventIdScan> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = await admin.fetchTopicOffsets(options.topic);
    // kafkajs answers a timestamp past every record's with the partition's high watermark.
    const byTimestamp =
      options.notBefore === undefined
        ? new Map<number, bigint>()
        : new Map(
            (await admin.fetchTopicOffsetsByTimestamp(options.topic, Math.max(0, options.notBefore))).map(
              (entry) => [entry.partition, BigInt(entry.offset)] as const,
            ),
          );
    const targets = new Map<number, Range>();
    for (const partition of partitions) {
      const low = BigInt(partition.low);
      const end = BigInt(partition.high);
      let start = low;
      const recorded = options.from.get(partition.partition);
      if (recorded !== undefined && BigInt(recorded) > start) start = BigInt(recorded);
      const timed = byTimestamp.get(partition.partition);
      if (timed !== undefined && timed > start) start = timed;
      targets.set(partition.partition, { start: start > end ? end : start, end });
    }
    const endOffsets = partitions.map((partition) => ({
      topic: options.topic,
      partition: partition.partition,
      offset: partition.high,
    }));
    const toRead = [...targets].filter(([, range]) => range.start < range.end);
    if (toRead.length === 0 || options.wanted.size === 0)
      return { eventIds: new Set(), endOffsets, recordsRead: 0 };
    const groupId = `${options.clientId}-outbox-recovery-${randomUUID()}`;
    const read = await readRanges(
      kafka,
      groupId,
      options,
      targets,
      new Set(toRead.map(([partition]) => partition)),
    );
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return { ...read, endOffsets };
  } finally {
    await admin.disconnect();
  }
}

async function readRanges(
  kafka: Kafka,
  groupId: string,
  options: ScanEventIdsOptions,
  targets: ReadonlyMap<number, Range>,
  unfinished: Set<number>,
): Promise<{ eventIds: Set<string>; recordsRead: number }> {
  const eventIds = new Set<string>();
  let recordsRead = 0;
  const toReadTotal = [...unfinished].reduce((sum, partition) => {
    const range = targets.get(partition) as Range;
    return sum + Number(range.end - range.start);
  }, 0);
  const progressIntervalMs = options.progressIntervalMs ?? 5_000;
  let lastProgressAt = Date.now();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
  let timer: NodeJS.Timeout | undefined;
  let done: () => void = () => undefined;
  try {
    const finished = new Promise<void>((resolve, reject) => {
      done = resolve;
      timer = setTimeout(
        () =>
          reject(
            new RuntimeError(
              'RUNTIME_KAFKA_UNAVAILABLE',
              `Outbox recovery could not read ${options.topic} to its end within ${options.timeoutMs} ms ` +
                `(${recordsRead} of up to ${toReadTotal} records read); raise recoveryTimeoutMs or check the broker.`,
            ),
          ),
        options.timeoutMs,
      );
      // Fires for every fetched batch, including ones holding only control records.
      consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
        const range = targets.get(event.payload.partition);
        if (range !== undefined && BigInt(event.payload.lastOffset) >= range.end - 1n) {
          unfinished.delete(event.payload.partition);
          if (unfinished.size === 0) resolve();
        }
      });
    });
    // The timeout may fire before anyone awaits `finished`; this keeps it from counting as unhandled.
    finished.catch(() => undefined);
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = targets.get(batch.partition);
        if (range === undefined) return;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset >= range.end) break;
          if (offset < range.start) continue;
          recordsRead += 1;
          const header = message.headers?.[options.headerName];
          const value = (Array.isArray(header) ? header[0] : header)?.toString();
          if (value !== undefined && options.wanted.has(value)) eventIds.add(value);
        }
        if (eventIds.size >= options.wanted.size) done();
        const now = Date.now();
        if (options.logger !== undefined && now - lastProgressAt >= progressIntervalMs) {
          lastProgressAt = now;
          options.logger.info(
            {
              topic: options.topic,
              recordsRead,
              recordsToRead: toReadTotal,
              found: eventIds.size,
              wanted: options.wanted.size,
            },
            'outbox recovery scan in progress',
          );
        }
      },
    });
    for (const [partition, range] of targets) {
      // Partitions with nothing to read start at their end, so they fetch nothing.
      const offset = unfinished.has(partition) ? range.start : range.end;
      consumer.seek({ topic: options.topic, partition, offset: offset.toString() });
    }
    await finished;
    return { eventIds, recordsRead };
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}
