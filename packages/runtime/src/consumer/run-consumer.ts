import { type Consumer, type EachBatchPayload, type Kafka, Partitioners, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { type BackoffOptions, backoffDelay } from '../backoff.ts';
import { classifyError, type ErrorClassification } from '../classify-error.ts';
import { deadLetterTopic } from '../config/base-config-schema.ts';
import { RuntimeError } from '../errors.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { type ConsumedRecord, toConsumedRecord } from './consumed-record.ts';
import { deadLetterHeaders } from './dead-letter-headers.ts';

/** What a handler gets besides the record. */
export interface HandlerContext {
  /** A child logger bound to topic, partition and offset. */
  logger: Logger;
  /** 1 on the first delivery to this process, then 2, 3, ... on retries. */
  attempt: number;
}

/** What a batch handler gets besides the records. */
export interface BatchHandlerContext {
  /** A child logger bound to topic, partition and the batch's first and last offsets. */
  logger: Logger;
  /** 1 on the first attempt at this batch in this process, then 2, 3, ... on retries. */
  attempt: number;
}

/** Where dead letters go. */
export interface DeadLetterOptions {
  /** The dead-letter topic of a source topic. Default `<topic>.dlq`. */
  topicFor?: (sourceTopic: string) => string;
}

/** Options of `runConsumer`. */
export interface RunConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  logger: Logger;
  metrics: Metrics;
  /**
   * Decodes and handles one record; resolve only when its effects are durable (store transaction
   * committed). Throw an error with `retryable: false` for records that can never succeed.
   */
  handleRecord: (record: ConsumedRecord, context: HandlerContext) => Promise<void>;
  /**
   * Optional batch mode: handles records of one partition (a kafkajs batch, in chunks of at most
   * `maxBatchRecords`) together, typically in ONE store transaction; resolve only once it committed.
   * Offsets are resolved after it resolved. A retryable failure retries the whole chunk after a
   * backoff (nothing committed); a non-retryable one replays the chunk through `handleRecord`, one
   * record at a time, so only the record that cannot succeed goes to the dead-letter topic. The
   * handler must therefore be all-or-nothing and idempotent per record (same as `handleRecord`).
   */
  handleBatch?: (records: readonly ConsumedRecord[], context: BatchHandlerContext) => Promise<void>;
  /** Most records given to one `handleBatch` call. Default 500. */
  maxBatchRecords?: number;
  deadLetter?: DeadLetterOptions;
  /** Backoff between retries of one record. Default 500 ms doubling to 30 s. */
  retryBackoff?: BackoffOptions;
  /** Attempts before a retryable failure is dead-lettered too. Default: unlimited. */
  maxAttempts?: number;
  /** Where a group without committed offsets starts. Default true (the beginning). */
  fromBeginning?: boolean;
  /** Partitions handled in parallel (records of one partition stay sequential). Default 1. */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /** Longest a fetch waits for data. Default 1000 ms, so a resumed partition is fetched again soon. */
  maxWaitTimeMs?: number;
}

/** A running consumer. */
export interface ConsumerHandle {
  /** Resolves once the consumer has joined its group (tests wait on it before producing). */
  joined: Promise<void>;
  /** Leaves the group after the current record, then disconnects the consumer and the DLQ producer. */
  stop(): Promise<void>;
}

type Outcome = { kind: 'done' } | { kind: 'retry'; delayMs: number };
type BatchOutcome = Outcome | { kind: 'one-by-one' };

/**
 * Consumes `topics` with kafkajs `eachBatch`, one record at a time per partition (or, with
 * `handleBatch`, one chunk of records at a time). Offsets are resolved only after the handler
 * resolved. A retryable failure pauses the partition, seeks
 * back to the failed record and resumes after an exponential backoff, committing nothing past it;
 * a non-retryable failure sends the record to the dead-letter topic with headers saying why, then
 * moves on. Handler errors never crash the process.
 */
export async function runConsumer(options: RunConsumerOptions): Promise<ConsumerHandle> {
  const logger = options.logger.child({ component: 'consumer', groupId: options.groupId });
  const retryBackoff = options.retryBackoff ?? { initialMs: 500, maxMs: 30_000 };
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  const topicFor = options.deadLetter?.topicFor ?? deadLetterTopic;
  const attempts = new Map<string, number>();
  const resumeTimers = new Set<NodeJS.Timeout>();
  const { metrics } = options;

  const consumer: Consumer = options.kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
    ...(options.sessionTimeoutMs === undefined ? {} : { sessionTimeout: options.sessionTimeoutMs }),
    // kafkajs gives up on some errors by default; a consumer must keep consuming instead.
    retry: { restartOnFailure: async () => true },
  });
  const producer: Producer = options.kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });

  const sendToDeadLetter = async (record: ConsumedRecord, failure: ErrorClassification, attempt: number) => {
    try {
      await producer.send({
        topic: topicFor(record.topic),
        acks: -1,
        messages: [
          { key: record.key, value: record.value, headers: deadLetterHeaders(record, failure, attempt) },
        ],
      });
    } catch (error) {
      throw new RuntimeError(
        'RUNTIME_DEAD_LETTER_FAILED',
        `Cannot write to ${topicFor(record.topic)}: ${(error as Error).message}. Does the topic exist?`,
        { cause: error },
      );
    }
  };

  const processRecord = async (record: ConsumedRecord): Promise<Outcome> => {
    const position = `${record.topic}:${record.partition}:${record.offset}`;
    const attempt = (attempts.get(position) ?? 0) + 1;
    const recordLogger = logger.child({
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
    });
    try {
      await options.handleRecord(record, { logger: recordLogger, attempt });
      attempts.delete(position);
      metrics.consumerRecordsProcessed.inc({ topic: record.topic });
      return { kind: 'done' };
    } catch (error) {
      const failure = classifyError(error);
      if (failure.retryable && attempt < maxAttempts) {
        attempts.set(position, attempt);
        metrics.consumerRecordsRetried.inc({ topic: record.topic });
        const delayMs = backoffDelay(attempt, retryBackoff);
        recordLogger.warn({ err: error, code: failure.code, attempt, delayMs }, 'record failed, retrying');
        return { kind: 'retry', delayMs };
      }
      try {
        await sendToDeadLetter(record, failure, attempt);
      } catch (deadLetterError) {
        attempts.set(position, attempt);
        const delayMs = backoffDelay(attempt, retryBackoff);
        recordLogger.error(
          { err: deadLetterError, delayMs },
          'dead-letter write failed, retrying the record',
        );
        return { kind: 'retry', delayMs };
      }
      attempts.delete(position);
      metrics.consumerRecordsDeadLettered.inc({ topic: record.topic, code: failure.code });
      recordLogger.warn(
        { code: failure.code, reason: failure.message },
        'record sent to the dead-letter topic',
      );
      return { kind: 'done' };
    }
  };

  const processChunk = async (records: readonly ConsumedRecord[]): Promise<BatchOutcome> => {
    const handleBatch = options.handleBatch;
    const first = records[0];
    const last = records[records.length - 1];
    if (handleBatch === undefined || first === undefined || last === undefined) return { kind: 'one-by-one' };
    const position = `${first.topic}:${first.partition}:${first.offset}:batch`;
    const attempt = (attempts.get(position) ?? 0) + 1;
    const batchLogger = logger.child({
      topic: first.topic,
      partition: first.partition,
      firstOffset: first.offset,
      lastOffset: last.offset,
    });
    try {
      await handleBatch(records, { logger: batchLogger, attempt });
      attempts.delete(position);
      metrics.consumerRecordsProcessed.inc({ topic: first.topic }, records.length);
      return { kind: 'done' };
    } catch (error) {
      const failure = classifyError(error);
      if (failure.retryable && attempt < maxAttempts) {
        attempts.set(position, attempt);
        metrics.consumerRecordsRetried.inc({ topic: first.topic }, records.length);
        const delayMs = backoffDelay(attempt, retryBackoff);
        batchLogger.warn(
          { err: error, code: failure.code, attempt, delayMs, records: records.length },
          'batch failed, retrying',
        );
        return { kind: 'retry', delayMs };
      }
      // Some record of the chunk can never succeed: find it by handling them one at a time.
      attempts.delete(position);
      batchLogger.warn(
        { code: failure.code, reason: failure.message, records: records.length },
        'batch failed, handling its records one at a time',
      );
      return { kind: 'one-by-one' };
    }
  };

  // Pauses the partition and fetches it again from `offset` after the backoff; nothing past it is resolved.
  const retryFrom = (payload: EachBatchPayload, offset: string, delayMs: number) => {
    const { batch } = payload;
    const resume = payload.pause();
    consumer.seek({ topic: batch.topic, partition: batch.partition, offset });
    const timer = setTimeout(() => {
      resumeTimers.delete(timer);
      resume();
    }, delayMs);
    resumeTimers.add(timer);
  };

  // Handles `messages` one at a time; false when it stopped (retry scheduled, or no longer running).
  const processOneByOne = async (
    payload: EachBatchPayload,
    messages: EachBatchPayload['batch']['messages'],
  ) => {
    const { batch } = payload;
    for (const message of messages) {
      if (!payload.isRunning() || payload.isStale()) return false;
      const outcome = await processRecord(toConsumedRecord(batch.topic, batch.partition, message));
      if (outcome.kind === 'retry') {
        retryFrom(payload, message.offset, outcome.delayMs);
        return false;
      }
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
    return true;
  };

  const maxBatchRecords = Math.max(1, options.maxBatchRecords ?? 500);

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    if (options.handleBatch === undefined) {
      await processOneByOne(payload, batch.messages);
      return;
    }
    for (let start = 0; start < batch.messages.length; start += maxBatchRecords) {
      if (!payload.isRunning() || payload.isStale()) return;
      const messages = batch.messages.slice(start, start + maxBatchRecords);
      const records = messages.map((message) => toConsumedRecord(batch.topic, batch.partition, message));
      const outcome = await processChunk(records);
      if (outcome.kind === 'retry') {
        retryFrom(payload, records[0]?.offset ?? batch.firstOffset() ?? '0', outcome.delayMs);
        return;
      }
      if (outcome.kind === 'one-by-one') {
        if (!(await processOneByOne(payload, messages))) return;
        continue;
      }
      const last = records[records.length - 1];
      if (last !== undefined) payload.resolveOffset(last.offset);
      await payload.heartbeat();
    }
  };

  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => {
    markJoined = resolve;
  });
  consumer.on(consumer.events.GROUP_JOIN, () => markJoined());
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ err: event.payload.error, restart: event.payload.restart }, 'kafka consumer crashed');
  });

  try {
    await producer.connect();
    await consumer.connect();
    for (const topic of options.topics) {
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
    }
    await consumer.run({
      eachBatch,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    throw new RuntimeError(
      'RUNTIME_KAFKA_UNAVAILABLE',
      `Cannot start consumer group ${options.groupId} on ${options.topics.join(', ')}: ${(error as Error).message}. Check KAFKA_BROKERS and that the topics exist.`,
      { cause: error },
    );
  }
  logger.info({ topics: options.topics }, 'consumer started');

  return {
    joined,
    stop: async () => {
      for (const timer of resumeTimers) clearTimeout(timer);
      resumeTimers.clear();
      await consumer.disconnect();
      await producer.disconnect();
      logger.info('consumer stopped');
    },
  };
}
