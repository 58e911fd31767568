import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { createOutboxProducer, type OutboxProducer } from '../kafka/outbox-producer.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import type { DirectPublish } from '../store/store.ts';
import { EVENT_ID_HEADER, type OutboxMessage } from './outbox-message.ts';

/** Publishes committed transactions' messages at once; the benchmark-only `OUTBOX_MODE=direct`. */
export interface DirectPublisher {
  /** Installed on the store with `store.setDirectPublish`. */
  publish: DirectPublish;
  /** Waits for sends in flight, then disconnects the producer. */
  stop(): Promise<void>;
}

/**
 * An idempotent producer (`acks: -1`, no Kafka transaction) connected on first use. A failed send
 * rejects the app's `store.transaction` call after the commit: the messages are lost, which is
 * what the outbox exists to prevent, so this is only for measuring the outbox's cost.
 */
export function createDirectPublisher(options: {
  kafka: Kafka;
  logger: Logger;
  metrics: Metrics;
  createProducer?: (kafka: Kafka) => OutboxProducer;
}): DirectPublisher {
  const producer = options.createProducer?.(options.kafka) ?? createOutboxProducer(options.kafka, {});
  let connected: Promise<void> | undefined;
  const inFlight = new Set<Promise<unknown>>();

  const publish = async (messages: readonly OutboxMessage[]): Promise<void> => {
    if (messages.length === 0) return;
    connected ??= producer.connect().catch((error: unknown) => {
      connected = undefined; // the next transaction tries again
      throw error;
    });
    await connected;
    const sending = producer.publish(
      messages.map((message) => ({
        topic: message.topic,
        key: message.key,
        value: message.value,
        headers: { ...message.headers, [EVENT_ID_HEADER]: message.eventId },
      })),
    );
    inFlight.add(sending);
    try {
      await sending;
    } catch (error) {
      options.metrics.outboxPublishErrors.inc();
      options.logger.warn({ err: error, messages: messages.length }, 'direct publish failed, messages lost');
      throw error;
    } finally {
      inFlight.delete(sending);
    }
    const perTopic = new Map<string, number>();
    for (const message of messages) perTopic.set(message.topic, (perTopic.get(message.topic) ?? 0) + 1);
    for (const [topic, count] of perTopic) options.metrics.outboxPublished.inc({ topic }, count);
  };

  return {
    publish,
    stop: async () => {
      await Promise.allSettled(inFlight);
      if (connected !== undefined) await producer.disconnect().catch(() => undefined);
      connected = undefined;
    },
  };
}
