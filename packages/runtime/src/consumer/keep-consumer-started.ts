import type { Logger } from 'pino';
import { type BackoffOptions, backoffDelay } from '../backoff.ts';
import type { ConsumerHandle, ConsumerHealth } from './run-consumer.ts';

/** A consumer that is being started in the background, and how to stop it. */
export interface BackgroundConsumer {
  /** Resolves with the consumer once it has started; never settles if stopped before. */
  readonly started: Promise<ConsumerHandle>;
  /** The started consumer's health; nothing blocked while it is still starting. */
  health(): ConsumerHealth;
  /**
   * Cancels further attempts and stops the consumer. An attempt still connecting is waited for at
   * most `graceMs` (kafkajs retries a dead broker for many seconds); if it succeeds later, the
   * consumer it made is stopped then.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the consumer and, while Kafka cannot be reached, tries again with exponential backoff
 * instead of failing the process: the HTTP API keeps serving (changes wait in the outbox) and
 * `/ready` reports Kafka as down until it is back.
 */
export function keepConsumerStarted(
  start: () => Promise<ConsumerHandle>,
  logger: Logger,
  backoff: BackoffOptions = { initialMs: 500, maxMs: 15_000 },
): BackgroundConsumer {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let endWait: (() => void) | undefined;
  let attemptInFlight: Promise<ConsumerHandle> | undefined;
  let running: ConsumerHandle | undefined;

  const started = new Promise<ConsumerHandle>((resolve) => {
    const run = async () => {
      for (let attempt = 1; !stopping; attempt++) {
        attemptInFlight = start();
        try {
          running = await attemptInFlight;
          resolve(running);
          return;
        } catch (error) {
          if (stopping) return;
          const delayMs = backoffDelay(attempt, backoff);
          logger.warn({ err: error, attempt, delayMs }, 'consumer could not start, retrying');
          await new Promise<void>((wake) => {
            endWait = wake;
            timer = setTimeout(wake, delayMs);
          });
        }
      }
    };
    void run();
  });

  return {
    started,
    health: () => running?.health() ?? { deadLetterBlocked: [], failingPositions: 0 },
    async stop(graceMs = 3_000) {
      stopping = true;
      clearTimeout(timer);
      endWait?.();
      if (attemptInFlight === undefined) return;
      const stopped = attemptInFlight.then(
        (handle) => handle.stop(),
        () => undefined,
      );
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
      });
      await Promise.race([stopped, grace]);
      clearTimeout(graceTimer);
    },
  };
}
