import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { type BackoffOptions, backoffDelay } from '../backoff.ts';
import { createOutboxProducer, type OutboxProducer } from '../kafka/outbox-producer.ts';
import { type EventIdScan, scanEventIds } from '../kafka/scan-event-ids.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { Store, StoreSession } from '../store/store.ts';
import { EVENT_ID_HEADER, OUTBOX_COMMITTED_EVENT, outboxChannel } from './outbox-message.ts';
import { outboxRelayMetrics } from './outbox-relay-metrics.ts';
import {
  markPublished,
  markPublishedByEventIds,
  type OutboxLag,
  type PendingOutboxRow,
  type SetAsideOutboxRow,
  selectLag,
  selectPending,
  selectPendingEventIds,
  selectPendingTopics,
  selectScanOffsets,
  selectSetAside,
  setAside,
} from './outbox-repository.ts';
import { recordRefusedType } from './record-refused.ts';
import { RECORD_BATCH_OVERHEAD_BYTES, recordSizeBytes } from './record-size.ts';
import { WakeSignal } from './wake-signal.ts';

/** Options of `createOutboxRelay`. */
export interface OutboxRelayOptions {
  store: Store;
  kafka: Kafka;
  logger: Logger;
  metrics: Metrics;
  /** Names the relay in logs and its recovery consumer groups. */
  clientId: string;
  /** Rows per Kafka request. Default 500. */
  batchSize?: number;
  /**
   * Bytes per Kafka request (keys, values and headers with the record framing, see
   * `recordSizeBytes`): keep it at or below the topics' `max.message.bytes`. A row larger than
   * this is still sent, alone, and set aside if the broker refuses it. Default 1,000,000.
   */
  maxBatchBytes?: number;
  /** How often the lag gauges are refreshed, also while publishing fails. Default 5000 ms. */
  lagRefreshMs?: number;
  /** Safety poll when no wake-up arrives. Default 5000 ms. */
  pollIntervalMs?: number;
  /** Coalesces wake-ups arriving within this window into one batch. Default 2 ms. */
  debounceMs?: number;
  /** How often a non-leader retries the leadership lock. Default 2000 ms. */
  leaderRetryMs?: number;
  /** Upper bound of a crash-recovery scan. Default 60000 ms. */
  recoveryTimeoutMs?: number;
  /**
   * A recovery scan starts each partition at the first record written at or after the oldest
   * pending row's `created_at` minus this margin (clock skew between the database and the
   * producer or broker clock that stamps records), or at the saved offset when that is later.
   * Default 300000 ms.
   */
  recoveryClockMarginMs?: number;
  /** Backoff after a failed publish. Default 200 ms doubling to 10 s. */
  retryBackoff?: BackoffOptions;
  /** Test seam: runs after the broker acknowledged a batch, before the rows are marked published. */
  beforeMark?: (rows: readonly PendingOutboxRow[]) => Promise<void>;
  /** Test seam: sees what each recovery scan found and how many records it read. */
  afterRecoveryScan?: (topic: string, scan: EventIdScan, pendingRows: number) => void;
  /** Test seam: replaces the kafkajs transactional producer. */
  createProducer?: (kafka: Kafka, transactionalId: string) => OutboxProducer;
}

/** Publishes the outbox; see the package README for the guarantees. */
export interface OutboxRelay {
  /** Starts the background loop; resolves at once (Kafka may still be down). */
  start(): Promise<void>;
  /** Asks for a publish pass soon (debounced). Commits that enqueue messages call it already. */
  wake(): void;
  /** Publishes what is pending (bounded by `timeoutMs`, default 10 s), then releases Kafka and the lock. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Pending messages and the age of the oldest; also updates the lag gauges. */
  lag(): Promise<OutboxLag>;
  /** True while this relay holds the database's relay lock. */
  isLeader(): boolean;
  /** The first `limit` (default 10) rows set aside because the broker refuses them even alone. */
  setAsideRows(limit?: number): Promise<SetAsideOutboxRow[]>;
}

/**
 * Creates the outbox relay: one active relay per database (advisory lock on a dedicated session,
 * and a per-database Kafka transactional id that fences a stale relay at the broker), rows
 * published in id order, one Kafka transaction per batch, marked after the commit, and a recovery
 * scan of the partition tails whenever the outcome of an earlier send is unknown (start-up, send
 * errors) so that nothing is published twice.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { store, kafka, metrics } = options;
  const logger = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 500;
  const maxBatchBytes = options.maxBatchBytes ?? 1_000_000;
  const lagRefreshMs = options.lagRefreshMs ?? 5_000;
  const relayMetrics = outboxRelayMetrics(metrics.registry);
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const leaderRetryMs = options.leaderRetryMs ?? 2_000;
  const recoveryTimeoutMs = options.recoveryTimeoutMs ?? 60_000;
  const recoveryClockMarginMs = options.recoveryClockMarginMs ?? 300_000;
  const retryBackoff = options.retryBackoff ?? { initialMs: 200, maxMs: 10_000 };
  const createProducer =
    options.createProducer ??
    ((client: Kafka, transactionalId: string) => createOutboxProducer(client, { transactionalId }));
  const lockName = `outbox-relay:${store.schema}`;
  const signal = new WakeSignal(options.debounceMs ?? 2);

  let stopping = false;
  let leader = false;
  let loop: Promise<void> | undefined;
  let session: StoreSession | undefined;
  let producer: OutboxProducer | undefined;
  let unsubscribe: (() => void) | undefined;
  let lagTimer: NodeJS.Timeout | undefined;
  /** The rows of the send in flight: when the broker refuses them, the catch below knows which. */
  let inFlight: readonly PendingOutboxRow[] = [];
  /** After the broker refused a batch, rows up to this id go one per request to find the culprit. */
  let isolateThroughId: bigint | undefined;

  const pause = (ms: number) => signal.wait(ms);

  const updateLag = async (): Promise<OutboxLag> => {
    const lag = await selectLag(store);
    metrics.outboxPending.set(lag.pending);
    metrics.outboxOldestPendingAge.set(lag.oldestAgeMs / 1_000);
    relayMetrics.setAsideMessages.set(lag.setAside);
    return lag;
  };

  /** The rows of the next request: capped by bytes (at least one row), one row while isolating. */
  const nextBatch = (rows: readonly PendingOutboxRow[]): PendingOutboxRow[] => {
    const first = rows[0];
    if (first === undefined) return [];
    if (isolateThroughId !== undefined) {
      if (BigInt(first.id) <= isolateThroughId) return [first];
      isolateThroughId = undefined;
    }
    const batch: PendingOutboxRow[] = [];
    let bytes = RECORD_BATCH_OVERHEAD_BYTES;
    for (const row of rows) {
      const size = recordSizeBytes(row);
      if (batch.length > 0 && bytes + size > maxBatchBytes) break;
      batch.push(row);
      bytes += size;
    }
    return batch;
  };

  /**
   * The broker refused the rows in flight as records (too large, invalid): a batch is split into
   * single rows; a single row can never be published and is set aside, loudly, so that it never
   * blocks the rows behind it. True when handled.
   */
  const handleRefusal = async (error: unknown): Promise<boolean> => {
    const refusedType = recordRefusedType(error);
    const rows = inFlight;
    inFlight = [];
    if (refusedType === undefined || rows.length === 0) return false;
    const row = rows[0] as PendingOutboxRow;
    if (rows.length > 1) {
      isolateThroughId = BigInt((rows.at(-1) as PendingOutboxRow).id);
      logger.warn(
        { refusedType, rows: rows.length, firstId: row.id, lastId: isolateThroughId.toString() },
        'broker refused an outbox batch, publishing its rows one per request',
      );
      return true;
    }
    const reason = `${refusedType}: ${error instanceof Error ? error.message : String(error)}`.slice(
      0,
      1_000,
    );
    await setAside(store, row.id, reason);
    relayMetrics.setAsideTotal.inc({ topic: row.topic });
    logger.error(
      {
        outboxId: row.id,
        eventId: row.eventId,
        topic: row.topic,
        key: row.key,
        recordBytes: recordSizeBytes(row),
        refusedType,
        err: error,
      },
      'outbox message set aside: the broker refuses it even alone; raise the topic max.message.bytes or fix the record, then clear its set_aside_at',
    );
    await updateLag().catch(() => undefined);
    return true;
  };

  /** Marks pending rows that are already on their topic (sent before a crash or a failed ack). */
  const recover = async (): Promise<void> => {
    for (const topic of await selectPendingTopics(store)) {
      // Only the pending rows' ids are looked for (memory bounded by them, not by the topic), and
      // reading starts no earlier than the oldest of them was written.
      const pending = await selectPendingEventIds(store, topic);
      if (pending.oldestCreatedAtMs === undefined) continue;
      const scan = await scanEventIds(kafka, {
        topic,
        wanted: new Set(pending.eventIds),
        from: await selectScanOffsets(store, topic),
        notBefore: pending.oldestCreatedAtMs - recoveryClockMarginMs,
        headerName: EVENT_ID_HEADER,
        clientId: options.clientId,
        timeoutMs: recoveryTimeoutMs,
        logger,
      });
      options.afterRecoveryScan?.(topic, scan, pending.eventIds.length);
      const found = [...scan.eventIds];
      let marked = 0;
      for (let start = 0; start < Math.max(found.length, 1); start += 5_000) {
        const chunk = found.slice(start, start + 5_000);
        marked += await markPublishedByEventIds(store, chunk, start === 0 ? scan.endOffsets : []);
      }
      const summary = { topic, marked, pending: pending.eventIds.length, recordsRead: scan.recordsRead };
      if (marked > 0) logger.warn(summary, 'outbox recovery found already published messages');
      else logger.debug(summary, 'outbox recovery found nothing to mark');
    }
  };

  /** Publishes pending rows batch after batch until none is left. */
  const drain = async (activeProducer: OutboxProducer): Promise<void> => {
    for (;;) {
      const pending = await selectPending(store, batchSize);
      const rows = nextBatch(pending);
      if (rows.length === 0) return;
      inFlight = rows;
      const acks = await activeProducer.publish(
        rows.map((row) => ({ topic: row.topic, key: row.key, value: row.value, headers: row.headers })),
      );
      inFlight = [];
      await options.beforeMark?.(rows);
      await markPublished(
        store,
        rows.map((row) => row.id),
        acks,
      );
      const perTopic = new Map<string, number>();
      for (const row of rows) perTopic.set(row.topic, (perTopic.get(row.topic) ?? 0) + 1);
      for (const [topic, count] of perTopic) metrics.outboxPublished.inc({ topic }, count);
      logger.debug({ published: rows.length, lastId: rows.at(-1)?.id }, 'outbox batch published');
      if (pending.length < batchSize && rows.length === pending.length) return;
    }
  };

  /** Holds the lock and publishes until the session is lost or the relay stops. */
  const lead = async (activeSession: StoreSession, isLost: () => boolean): Promise<void> => {
    await activeSession.listen(outboxChannel(store.schema), () => signal.notify());
    const identity = await activeSession.query<{ relay_id: string }>(
      'SELECT relay_id FROM outbox_relay_identity',
    );
    const relayId = identity.rows[0]?.relay_id;
    if (relayId === undefined)
      throw new Error('outbox_relay_identity is empty: run migrate(store, ...) first.');
    const transactionalId = `outbox-relay-${relayId}`;
    let failures = 0;
    while (!isLost()) {
      // A fresh producer after every failure: its connect fences the previous one at the broker and
      // aborts what it left uncommitted, so the recovery scan below sees only committed records.
      const activeProducer = createProducer(kafka, transactionalId);
      producer = activeProducer;
      try {
        await activeProducer.connect();
        await recover();
        for (;;) {
          await drain(activeProducer);
          failures = 0;
          if (stopping || isLost()) return;
          await updateLag();
          await signal.wait(pollIntervalMs);
        }
      } catch (error) {
        metrics.outboxPublishErrors.inc();
        if (!stopping && (await handleRefusal(error))) {
          // Not the broker's availability: go on at once with a fresh producer (and recovery scan).
          failures = 0;
          continue;
        }
        failures += 1;
        // The gauges keep telling the truth while publishing fails (they are refreshed on success too).
        await updateLag().catch(() => undefined);
        if (stopping) {
          logger.warn({ err: error }, 'outbox relay stopped with messages still pending');
          return;
        }
        const delayMs = backoffDelay(failures, retryBackoff);
        logger.warn({ err: error, attempt: failures, delayMs }, 'outbox publish failed, retrying');
        await activeProducer.disconnect().catch(() => undefined);
        await pause(delayMs);
      } finally {
        producer = undefined;
        await activeProducer.disconnect().catch(() => undefined);
      }
    }
  };

  const tryLock = async (activeSession: StoreSession): Promise<boolean> => {
    const result = await activeSession.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [lockName],
    );
    return result.rows[0]?.locked === true;
  };

  const run = async (): Promise<void> => {
    let attempt = 0;
    while (!stopping) {
      let lost = false;
      let activeSession: StoreSession | undefined;
      try {
        activeSession = await store.openSession();
        session = activeSession;
        activeSession.onLost((error) => {
          lost = true;
          leader = false;
          logger.warn({ err: error }, 'outbox relay lost its database session');
          signal.interrupt();
        });
        while (!stopping && !lost && !(await tryLock(activeSession))) await pause(leaderRetryMs);
        if (stopping || lost) continue;
        leader = true;
        attempt = 0;
        logger.info({ schema: store.schema }, 'outbox relay holds the relay lock');
        await lead(activeSession, () => lost);
        if (!lost) await activeSession.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
      } catch (error) {
        attempt += 1;
        const delayMs = backoffDelay(attempt, retryBackoff);
        logger.warn({ err: error, delayMs }, 'outbox relay cannot reach the database, retrying');
        if (!stopping) await pause(delayMs);
      } finally {
        leader = false;
        session = undefined;
        await activeSession?.release().catch(() => undefined);
      }
    }
  };

  return {
    start: async () => {
      if (loop !== undefined) return;
      stopping = false;
      unsubscribe = store.on(OUTBOX_COMMITTED_EVENT, () => signal.notify());
      // Refreshed on their own timer, not only after a successful batch: a relay that cannot
      // publish must not show 0 pending.
      void updateLag().catch(() => undefined);
      lagTimer = setInterval(() => void updateLag().catch(() => undefined), lagRefreshMs);
      lagTimer.unref();
      loop = run().catch((error: unknown) => logger.error({ err: error }, 'outbox relay loop failed'));
    },
    wake: () => signal.notify(),
    stop: async (stopOptions = {}) => {
      if (loop === undefined) return;
      stopping = true;
      unsubscribe?.();
      clearInterval(lagTimer);
      lagTimer = undefined;
      signal.interrupt();
      const timeoutMs = stopOptions.timeoutMs ?? 10_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        loop.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut) {
        logger.warn({ timeoutMs }, 'outbox relay did not finish in time, abandoning the pending batch');
        // Pending rows stay pending; the next relay's recovery scan sorts out the abandoned batch.
        await producer?.disconnect().catch(() => undefined);
        await session?.release().catch(() => undefined);
      }
      loop = undefined;
    },
    lag: updateLag,
    isLeader: () => leader,
    setAsideRows: (limit = 10) => selectSetAside(store, limit),
  };
}
