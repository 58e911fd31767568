import { decodeNotification } from '@order-service/contracts';
import type { Logger, Store } from '@order-service/runtime';
import { NotifierError } from '../notifier-error.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  millisecondsUntilNextDue,
  recordDeadLetter,
  recordDelivered,
  recordRetry,
} from '../store/delivery-repository.ts';
import type { DeliveryChannel, DeliveryChannelName } from './delivery-channel.ts';
import { computeRetryDelayMs, hasAttemptsLeft, type RetryPolicy } from './retry-policy.ts';

/** What the worker reports about each finished attempt (metrics, tests). */
export type DeliveryResult = 'delivered' | 'retry' | 'dead-letter';

/** Options of the delivery worker. */
export interface DeliveryWorkerOptions {
  store: Store;
  channels: readonly DeliveryChannel[];
  /** The retry policy of each channel. */
  retryPolicy: (channel: DeliveryChannelName) => RetryPolicy;
  logger: Logger;
  /** Longest sleep between looks at the table when nothing wakes the worker. */
  pollIntervalMs: number;
  batchSize?: number;
  /** How long a claimed delivery stays invisible to other workers; longer than any attempt. */
  leaseMs?: number;
  onResult?: (channel: DeliveryChannelName, result: DeliveryResult, error?: NotifierError) => void;
  random?: () => number;
}

/** Delivers stored notifications through the enabled channels, in the background. */
export interface DeliveryWorker {
  start(): void;
  /** Look for due deliveries now (after a commit that created some). */
  wake(): void;
  /** Delivers what is due until nothing is; resolves with how many attempts were made. */
  runOnce(): Promise<number>;
  /** Stops after the attempts in flight are recorded. */
  stop(): Promise<void>;
}

function asNotifierError(error: unknown): NotifierError {
  if (NotifierError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new NotifierError('NOTIFIER_DELIVERY_FAILED', `Delivery failed: ${message}`, { cause: error });
}

/**
 * Creates the worker. Deliveries live in the store, so retries survive a restart and the wait
 * before each retry is a row's next_attempt_at, not a timer in memory. A send and its record are
 * not atomic: a crash between them resends the notification later, with the same notification_id.
 */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { store, logger } = options;
  const channels = new Map(options.channels.map((channel) => [channel.name, channel]));
  const channelNames = [...channels.keys()];
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const random = options.random ?? Math.random;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let wakeRequested = false;
  let wakeUp: (() => void) | undefined;

  const attempt = async (delivery: ClaimedDelivery): Promise<void> => {
    const channel = channels.get(delivery.channel);
    if (channel === undefined) return;
    const log = logger.child({ notification_id: delivery.notificationId, channel: delivery.channel });
    try {
      const decoded = decodeNotification(delivery.body);
      if (!decoded.ok) throw new NotifierError('NOTIFIER_RECORD_UNDECODABLE', decoded.error.message);
      await channel.deliver(decoded.value, delivery.body);
    } catch (caught) {
      const error = asNotifierError(caught);
      const failed = delivery.attempts + 1;
      const policy = options.retryPolicy(delivery.channel);
      if (error.retryable && hasAttemptsLeft(policy, failed)) {
        const delayMs = computeRetryDelayMs(policy, failed, random);
        await recordRetry(store, delivery, { code: error.code, message: error.message, delayMs });
        log.debug({ err: error, attempt: failed, delay_ms: delayMs }, 'delivery attempt failed, will retry');
        options.onResult?.(delivery.channel, 'retry', error);
        return;
      }
      await recordDeadLetter(store, delivery, { code: error.code, message: error.message });
      log.warn({ err: error, attempts: failed }, 'delivery dead-lettered');
      options.onResult?.(delivery.channel, 'dead-letter', error);
      return;
    }
    await recordDelivered(store, delivery);
    options.onResult?.(delivery.channel, 'delivered');
  };

  const runOnce = async (): Promise<number> => {
    if (channelNames.length === 0) return 0;
    let attempts = 0;
    for (;;) {
      const claimed = await claimDueDeliveries(store, { channels: channelNames, limit: batchSize, leaseMs });
      // One notification's channels are independent: a slow webhook must not hold up the log line.
      await Promise.all(claimed.map(attempt));
      attempts += claimed.length;
      if (claimed.length < batchSize || !running) return attempts;
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(timer);
      wakeUp = undefined;
    });

  const run = async () => {
    while (running) {
      wakeRequested = false;
      let waitMs = options.pollIntervalMs;
      try {
        await runOnce();
        const due = await millisecondsUntilNextDue(store, channelNames);
        if (due !== undefined) waitMs = Math.min(waitMs, Math.max(10, due));
      } catch (error) {
        // A store outage: keep the worker alive and look again after the poll interval.
        logger.error({ err: error }, 'delivery worker cycle failed');
      }
      if (running && !wakeRequested) await sleep(waitMs);
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      wakeRequested = true;
      wakeUp?.();
    },
    runOnce,
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
