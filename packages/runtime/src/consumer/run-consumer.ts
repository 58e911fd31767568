import type { Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { type BackoffOptions, backoffDelay } from '../backoff.ts';
import { classifyError, type ErrorClassification } from '../classify-error.ts';
import { deadLetterTopic } from '../config/service-config.ts';
import { RuntimeError } from '../errors.ts';
import { kafkaReadiness } from '../http/readiness.ts';
import { keyPartitioner } from '../kafka/key-partitioner.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { type ConsumedRecord, toConsumedRecord } from './consumed-record.ts';
import { deadLetterHeaders } from './dead-letter-headers.ts';
import { PartitionPositions } from './partition-positions.ts';

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
   * committed). Throw an error whose fault is `record` (a typed error with `retryable: false`) for
   * records that can never succeed, `transient` (`retryable: true`) for outages.
   */
  handleRecord: (record: ConsumedRecord, context: HandlerContext) => Promise<void>;
  /**
   * Optional batch mode: handles records of one partition (a kafkajs batch, in chunks of at most
   * `maxBatchRecords`) together, typically in ONE store transaction; resolve only once it committed.
   * Offsets are resolved after it resolved. A transient failure retries the whole chunk after a
   * backoff (nothing committed); a `record` or `unknown` one splits the chunk in halves, recursively,
   * committing the halves that succeed, down to single records that go through `handleRecord` and
   * the per-record policy. The handler must therefore be all-or-nothing and idempotent per record
   * (same as `handleRecord`).
   */
  handleBatch?: (records: readonly ConsumedRecord[], context: BatchHandlerContext) => Promise<void>;
  /** Most records given to one `handleBatch` call. Default 500. */
  maxBatchRecords?: number;
  deadLetter?: DeadLetterOptions;
  /** Backoff between retries of one record, chunk or dead-letter write. Default 500 ms doubling to 30 s. */
  retryBackoff?: BackoffOptions;
  /**
   * Failures with an error nobody classified (fault `unknown`) one record gets before `probe` decides:
   * probe passes -> dead-lettered with the error and attempt count; probe fails -> retried as a
   * transient fault (and probed again at its next failure). Default 5. Transient faults never count.
   */
  maxAttempts?: number;
  /**
   * Checks what the handler depends on (the apps pass a store ping); rejects when unhealthy. The
   * runner also checks that a Kafka broker answers. Default: the broker check only.
   */
  probe?: () => Promise<void>;
  /** Longest the probe (with the broker check) may take before it counts as failed. Default 5000 ms. */
  probeTimeoutMs?: number;
  /** Where a group without committed offsets starts. Default true (the beginning). */
  fromBeginning?: boolean;
  /** Partitions handled in parallel (records of one partition stay sequential). Default 1. */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  /** Longest a fetch waits for data. Default 1000 ms, so a resumed partition is fetched again soon. */
  maxWaitTimeMs?: number;
}

/** A partition paused because the dead-letter topic of its record cannot be written. */
export interface DeadLetterBlocked {
  topic: string;
  partition: number;
  /** The record waiting for its dead letter; nothing past it is committed. */
  offset: string;
  deadLetterTopic: string;
  /** When the first write failed (ISO 8601). */
  since: string;
  /** The last write's error. */
  error: string;
  writeAttempts: number;
}

/** What `/ready` and operators need to know about a running consumer. */
export interface ConsumerHealth {
  deadLetterBlocked: DeadLetterBlocked[];
  /** Records and chunks that failed and wait for their next attempt (0 when all is well). */
  failingPositions: number;
}

/** A running consumer. */
export interface ConsumerHandle {
  /** Resolves once the consumer has joined its group (tests wait on it before producing). */
  joined: Promise<void>;
  /** Partitions paused by an unwritable dead-letter topic (see `consumerReadiness`). */
  health(): ConsumerHealth;
  /** Leaves the group after the current record, then disconnects the consumer and the DLQ producer. */
  stop(): Promise<void>;
}

/** What became of a record or chunk: done (offset resolved), retry from `offset` later, or stopped (rebalance, stop). */
type Step = { kind: 'done' } | { kind: 'retry'; offset: string; delayMs: number } | { kind: 'stopped' };

interface FailureCount {
  /** Deliveries that failed (the next one is attempt `deliveries + 1`). */
  deliveries: number;
  /** Of those, failures with fault `unknown`: bounded by `maxAttempts`. */
  unknownFailures: number;
}

interface PendingDeadLetter {
  failure: ErrorClassification;
  attempts: number;
  writeAttempts: number;
  since?: string;
  error?: string;
}

const done: Step = { kind: 'done' };
const stopped: Step = { kind: 'stopped' };

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Consumes `topics` with kafkajs `eachBatch`, one record at a time per partition (or, with
 * `handleBatch`, one chunk of records at a time). Offsets are resolved only after the handler
 * resolved. Who is at fault (`classifyError(...).fault`) decides what happens to a failure:
 * - `record`: the record goes to the dead-letter topic at once (headers say why and where), its
 *   offset is committed, the partition moves on;
 * - `transient`: the partition pauses, seeks back to the record and resumes after a capped
 *   exponential backoff, however long it takes; nothing past it is committed or dead-lettered;
 * - `unknown`: retried like a transient fault `maxAttempts` times, then dead-lettered if the probe
 *   (store and broker) passes, retried as transient if it fails.
 * If the dead-letter topic cannot be written, the partition pauses on the record (nothing committed
 * past it), the write is retried with backoff, `health()` and the `consumer_dead_letter_blocked`
 * gauge say so, and it resumes by itself once the write succeeds. Handler errors never crash the
 * process.
 */
export async function runConsumer(options: RunConsumerOptions): Promise<ConsumerHandle> {
  const logger = options.logger.child({ component: 'consumer', groupId: options.groupId });
  const retryBackoff = options.retryBackoff ?? { initialMs: 500, maxMs: 30_000 };
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const topicFor = options.deadLetter?.topicFor ?? deadLetterTopic;
  const maxBatchRecords = Math.max(1, options.maxBatchRecords ?? 500);
  const failures = new PartitionPositions<FailureCount>();
  const pendingDeadLetters = new PartitionPositions<PendingDeadLetter>();
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
  // Not idempotent: kafkajs's idempotent producer retries a failing send forever, which would hide an
  // unwritable DLQ. A few retries, then the runner's own loop (pause, backoff, report) takes over; a
  // duplicate dead letter after an ambiguous failure is harmless (a replay is idempotent).
  const producer: Producer = options.kafka.producer({
    idempotent: false,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: keyPartitioner,
    retry: { retries: 2 },
  });
  const broker = kafkaReadiness(options.kafka);

  // Undefined when the store (probe) and a broker answer, else why not.
  const runProbe = async (): Promise<Error | undefined> => {
    const probe = options.probe;
    try {
      await withTimeout(
        Promise.all([broker.check(), probe === undefined ? undefined : Promise.resolve().then(probe)]),
        probeTimeoutMs,
        'probe',
      );
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  const writeDeadLetter = async (
    record: ConsumedRecord,
    pending: PendingDeadLetter,
    recordLogger: Logger,
  ): Promise<Step> => {
    const { topic, partition, offset } = record;
    const target = topicFor(topic);
    try {
      await producer.send({
        topic: target,
        acks: -1,
        messages: [
          {
            key: record.key,
            value: record.value,
            headers: deadLetterHeaders(record, pending.failure, pending.attempts),
          },
        ],
      });
    } catch (error) {
      pending.writeAttempts += 1;
      pending.since ??= new Date().toISOString();
      pending.error = error instanceof Error ? error.message : String(error);
      pendingDeadLetters.set(topic, partition, 'record', offset, pending);
      metrics.consumerDeadLetterBlocked.set({ topic, partition: String(partition) }, 1);
      const delayMs = backoffDelay(pending.writeAttempts, retryBackoff);
      recordLogger.error(
        {
          err: new RuntimeError(
            'RUNTIME_DEAD_LETTER_FAILED',
            `Cannot write to ${target}: ${pending.error}. Create the topic or give the producer access; the partition resumes by itself once the write succeeds.`,
            { cause: error },
          ),
          deadLetterTopic: target,
          writeAttempts: pending.writeAttempts,
          delayMs,
        },
        'dead-letter write failed, partition paused',
      );
      return { kind: 'retry', offset, delayMs };
    }
    pendingDeadLetters.delete(topic, partition, 'record', offset);
    if (pending.writeAttempts > 0) {
      metrics.consumerDeadLetterBlocked.set({ topic, partition: String(partition) }, 0);
      recordLogger.info(
        { deadLetterTopic: target, since: pending.since },
        'dead-letter topic writable again',
      );
    }
    metrics.consumerRecordsDeadLettered.inc({ topic, code: pending.failure.code });
    recordLogger.warn(
      {
        code: pending.failure.code,
        fault: pending.failure.fault,
        reason: pending.failure.message,
        attempts: pending.attempts,
      },
      'record sent to the dead-letter topic',
    );
    return done;
  };

  // One record through the policy; resolves nothing (the caller does).
  const processRecord = async (record: ConsumedRecord): Promise<Step> => {
    const { topic, partition, offset } = record;
    const recordLogger = logger.child({ topic, partition, offset });
    const pending = pendingDeadLetters.get(topic, partition, 'record', offset);
    if (pending !== undefined) return writeDeadLetter(record, pending, recordLogger);
    const count = failures.get(topic, partition, 'record', offset) ?? { deliveries: 0, unknownFailures: 0 };
    const attempt = count.deliveries + 1;
    try {
      await options.handleRecord(record, { logger: recordLogger, attempt });
    } catch (error) {
      const failure = classifyError(error);
      const unknownFailures = count.unknownFailures + (failure.fault === 'unknown' ? 1 : 0);
      const deadLetter = () => {
        failures.delete(topic, partition, 'record', offset);
        return writeDeadLetter(record, { failure, attempts: attempt, writeAttempts: 0 }, recordLogger);
      };
      if (failure.fault === 'record') return deadLetter();
      const delayMs = backoffDelay(attempt, retryBackoff);
      const details = { err: error, code: failure.code, fault: failure.fault, attempt, delayMs };
      if (failure.fault === 'unknown' && unknownFailures >= maxAttempts) {
        const probeError = await runProbe();
        if (probeError === undefined) return deadLetter();
        metrics.consumerProbeFailures.inc({ topic });
        recordLogger.warn(
          { ...details, probeError: probeError.message },
          'record keeps failing but the probe fails too, retrying it as a transient fault',
        );
      } else {
        recordLogger.warn(details, 'record failed, retrying');
      }
      failures.set(topic, partition, 'record', offset, { deliveries: attempt, unknownFailures });
      metrics.consumerRecordsRetried.inc({ topic });
      return { kind: 'retry', offset, delayMs };
    }
    failures.delete(topic, partition, 'record', offset);
    metrics.consumerRecordsProcessed.inc({ topic });
    return done;
  };

  const resolve = async (payload: EachBatchPayload, record: ConsumedRecord) => {
    payload.resolveOffset(record.offset);
    failures.forgetThrough(record.topic, record.partition, record.offset);
    await payload.heartbeat();
  };

  const processSingle = async (payload: EachBatchPayload, record: ConsumedRecord): Promise<Step> => {
    if (!payload.isRunning() || payload.isStale()) return stopped;
    await payload.heartbeat();
    const step = await processRecord(record);
    if (step.kind === 'done') await resolve(payload, record);
    return step;
  };

  const processOneByOne = async (
    payload: EachBatchPayload,
    records: readonly ConsumedRecord[],
  ): Promise<Step> => {
    for (const record of records) {
      const step = await processSingle(payload, record);
      if (step.kind !== 'done') return step;
    }
    return done;
  };

  // Consecutive records of one partition through `handleBatch`, split in halves on a record's fault.
  const processRange = async (
    payload: EachBatchPayload,
    handleBatch: NonNullable<RunConsumerOptions['handleBatch']>,
    records: readonly ConsumedRecord[],
  ): Promise<Step> => {
    const first = records[0];
    const last = records[records.length - 1];
    if (first === undefined || last === undefined) return done;
    if (records.length === 1) return processSingle(payload, first);
    if (!payload.isRunning() || payload.isStale()) return stopped;
    const { topic, partition } = first;
    // The head record already failed on its own (it waits for a retry or its dead letter): take it
    // alone rather than splitting again.
    if (
      failures.get(topic, partition, 'record', first.offset) !== undefined ||
      pendingDeadLetters.get(topic, partition, 'record', first.offset) !== undefined
    ) {
      const step = await processSingle(payload, first);
      return step.kind === 'done' ? processRange(payload, handleBatch, records.slice(1)) : step;
    }
    const count = failures.get(topic, partition, 'chunk', first.offset) ?? {
      deliveries: 0,
      unknownFailures: 0,
    };
    const attempt = count.deliveries + 1;
    const batchLogger = logger.child({
      topic,
      partition,
      firstOffset: first.offset,
      lastOffset: last.offset,
    });
    try {
      // A split can run many handler calls in one kafkajs batch: stay a live group member meanwhile.
      await payload.heartbeat();
      await handleBatch(records, { logger: batchLogger, attempt });
    } catch (error) {
      const failure = classifyError(error);
      if (failure.fault === 'transient') {
        failures.set(topic, partition, 'chunk', first.offset, { deliveries: attempt, unknownFailures: 0 });
        metrics.consumerRecordsRetried.inc({ topic }, records.length);
        const delayMs = backoffDelay(attempt, retryBackoff);
        batchLogger.warn(
          { err: error, code: failure.code, fault: failure.fault, attempt, delayMs, records: records.length },
          'batch failed, retrying',
        );
        return { kind: 'retry', offset: first.offset, delayMs };
      }
      failures.delete(topic, partition, 'chunk', first.offset);
      metrics.consumerBatchSplits.inc({ topic });
      batchLogger.warn(
        { err: error, code: failure.code, fault: failure.fault, records: records.length },
        'batch failed, splitting it to isolate the record at fault',
      );
      const half = Math.ceil(records.length / 2);
      const step = await processRange(payload, handleBatch, records.slice(0, half));
      return step.kind === 'done' ? processRange(payload, handleBatch, records.slice(half)) : step;
    }
    metrics.consumerRecordsProcessed.inc({ topic }, records.length);
    await resolve(payload, last);
    return done;
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

  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    const { batch } = payload;
    const records = batch.messages.map((message) => toConsumedRecord(batch.topic, batch.partition, message));
    const handleBatch = options.handleBatch;
    for (let start = 0; start < records.length; start += maxBatchRecords) {
      const chunk = records.slice(start, start + maxBatchRecords);
      const step =
        handleBatch === undefined
          ? await processOneByOne(payload, chunk)
          : await processRange(payload, handleBatch, chunk);
      if (step.kind === 'retry') retryFrom(payload, step.offset, step.delayMs);
      if (step.kind !== 'done') return;
    }
  };

  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolveJoined) => {
    markJoined = resolveJoined;
  });
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    // Partitions revoked from this member: their failures and blocked dead letters are the new owner's now.
    const assignment = event.payload.memberAssignment;
    failures.keepOnly(assignment);
    for (const dropped of pendingDeadLetters.keepOnly(assignment)) {
      metrics.consumerDeadLetterBlocked.set(
        { topic: dropped.topic, partition: String(dropped.partition) },
        0,
      );
    }
    markJoined();
  });
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
    await broker.close?.();
    throw new RuntimeError(
      'RUNTIME_KAFKA_UNAVAILABLE',
      `Cannot start consumer group ${options.groupId} on ${options.topics.join(', ')}: ${(error as Error).message}. Check KAFKA_BROKERS and that the topics exist.`,
      { cause: error },
    );
  }
  logger.info({ topics: options.topics, maxAttempts }, 'consumer started');

  return {
    joined,
    health: () => ({
      deadLetterBlocked: pendingDeadLetters
        .entries()
        .filter((entry) => entry.value.writeAttempts > 0)
        .map((entry) => ({
          topic: entry.topic,
          partition: entry.partition,
          offset: entry.offset,
          deadLetterTopic: topicFor(entry.topic),
          since: entry.value.since ?? '',
          error: entry.value.error ?? '',
          writeAttempts: entry.value.writeAttempts,
        })),
      failingPositions: failures.size,
    }),
    stop: async () => {
      for (const timer of resumeTimers) clearTimeout(timer);
      resumeTimers.clear();
      await consumer.disconnect();
      await producer.disconnect();
      await broker.close?.();
      for (const entry of pendingDeadLetters.entries()) {
        metrics.consumerDeadLetterBlocked.set({ topic: entry.topic, partition: String(entry.partition) }, 0);
      }
      failures.clear();
      pendingDeadLetters.clear();
      logger.info('consumer stopped');
    },
  };
}
