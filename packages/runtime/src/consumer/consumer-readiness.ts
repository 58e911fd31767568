import type { ReadinessCheck } from '../http/readiness.ts';
import type { ConsumerHealth } from './run-consumer.ts';

/**
 * Not ready while a partition is paused because its dead-letter topic cannot be written; the
 * reason names the topic, partition, offset, since when and the broker's error. `source` returns
 * the running consumer, or undefined before it started (Kafka's own check covers that time).
 */
export function consumerReadiness(
  source: () => { health(): ConsumerHealth } | undefined,
  name = 'consumer',
): ReadinessCheck {
  return {
    name,
    check: async () => {
      const blocked = source()?.health().deadLetterBlocked ?? [];
      if (blocked.length === 0) return;
      const reasons = blocked.map(
        (entry) =>
          `${entry.deadLetterTopic} cannot be written since ${entry.since} (${entry.topic} partition ` +
          `${entry.partition} paused at offset ${entry.offset}): ${entry.error}`,
      );
      throw new Error(`dead-letter writes blocked: ${reasons.join('; ')}`);
    },
  };
}
