import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { RuntimeError } from '../errors.ts';

/** What a scan of a topic's partition tails found. */
export interface EventIdScan {
  /** Values of the event-id header seen between the start offsets and the end of each partition. */
  eventIds: Set<string>;
  /** Each partition's end offset at the time of the scan: the next scan may start there. */
  endOffsets: { topic: string; partition: number; offset: string }[];
}

/** Options of `scanEventIds`. */
export interface ScanEventIdsOptions {
  topic: string;
  /** First offset to read per partition; partitions not listed are read from their start. */
  from: ReadonlyMap<number, string>;
  headerName: string;
  clientId: string;
  timeoutMs: number;
}

/**
 * Reads every partition of a topic from the given offsets up to its current end and collects the
 * `headerName` header of each record. It uses a throw-away consumer group that commits nothing
 * (kafkajs has no manual partition assignment), then deletes that group.
 */
export async function scanEventIds(kafka: Kafka, options: ScanEventIdsOptions): Promise<EventIdScan> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const partitions = await admin.fetchTopicOffsets(options.topic);
    const targets = new Map<number, { start: bigint; end: bigint }>();
    for (const partition of partitions) {
      const low = BigInt(partition.low);
      const end = BigInt(partition.high);
      const recorded = options.from.get(partition.partition);
      const start = recorded === undefined || BigInt(recorded) < low ? low : BigInt(recorded);
      targets.set(partition.partition, { start, end });
    }
    const endOffsets = partitions.map((partition) => ({
      topic: options.topic,
      partition: partition.partition,
      offset: partition.high,
    }));
    const toRead = [...targets].filter(([, range]) => range.start < range.end);
    if (toRead.length === 0) return { eventIds: new Set(), endOffsets };
    const groupId = `${options.clientId}-outbox-recovery-${randomUUID()}`;
    const eventIds = await readRanges(
      kafka,
      groupId,
      options,
      targets,
      new Set(toRead.map(([partition]) => partition)),
    );
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return { eventIds, endOffsets };
  } finally {
    await admin.disconnect();
  }
}

async function readRanges(
  kafka: Kafka,
  groupId: string,
  options: ScanEventIdsOptions,
  targets: ReadonlyMap<number, { start: bigint; end: bigint }>,
  unfinished: Set<number>,
): Promise<Set<string>> {
  const eventIds = new Set<string>();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
  let timer: NodeJS.Timeout | undefined;
  try {
    const finished = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new RuntimeError(
              'RUNTIME_KAFKA_UNAVAILABLE',
              `Outbox recovery could not read ${options.topic} to its end within ${options.timeoutMs} ms.`,
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
        for (const message of batch.messages) {
          if (range !== undefined && BigInt(message.offset) >= range.end) break;
          const header = message.headers?.[options.headerName];
          const value = Array.isArray(header) ? header[0] : header;
          if (value !== undefined) eventIds.add(value.toString());
        }
      },
    });
    for (const [partition, range] of targets) {
      // Partitions with nothing to read start at their end, so they fetch nothing.
      const offset = unfinished.has(partition) ? range.start : range.end;
      consumer.seek({ topic: options.topic, partition, offset: offset.toString() });
    }
    await finished;
    return eventIds;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}
