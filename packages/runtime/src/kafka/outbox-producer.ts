import type { Kafka, Producer } from 'kafkajs';
import { keyPartitioner } from './key-partitioner.ts';

/** A record the relay publishes. */
export interface PublishRecord {
  topic: string;
  key: string | null;
  value: string;
  headers: Readonly<Record<string, string>>;
}

/** The broker's acknowledgement of one partition's part of a batch. */
export interface PartitionAck {
  topic: string;
  partition: number;
  /** Offset of the first record of this batch in the partition. */
  offset: string;
}

/** The relay's producer. */
export interface OutboxProducer {
  /** Connects; with a transactional id this also fences any older producer using that id. */
  connect(): Promise<void>;
  /** Sends records in order (per topic partition) and resolves once all are committed. */
  publish(records: readonly PublishRecord[]): Promise<PartitionAck[]>;
  disconnect(): Promise<void>;
}

/**
 * Wraps a kafkajs transactional producer (idempotent, `acks: -1`, one in-flight request,
 * Java-compatible murmur2 partitioning by key): each batch is one Kafka transaction. The stable
 * `transactionalId` makes the broker fence an older relay of the same database the moment this
 * one connects, and aborts whatever that relay left uncommitted. kafkajs stays behind this file.
 */
export function createOutboxProducer(kafka: Kafka, options: { transactionalId: string }): OutboxProducer {
  const producer: Producer = kafka.producer({
    transactionalId: options.transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: keyPartitioner,
  });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    publish: async (records) => {
      const byTopic = new Map<
        string,
        { key: string | null; value: string; headers: Record<string, string> }[]
      >();
      for (const record of records) {
        const messages = byTopic.get(record.topic) ?? [];
        messages.push({ key: record.key, value: record.value, headers: { ...record.headers } });
        byTopic.set(record.topic, messages);
      }
      const transaction = await producer.transaction();
      try {
        const metadata = await transaction.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
        await transaction.commit();
        return metadata.map((entry) => ({
          topic: entry.topicName,
          partition: entry.partition,
          offset: entry.baseOffset ?? '0',
        }));
      } catch (error) {
        // Best effort: if the abort fails too, the next producer's connect aborts it at the broker.
        await transaction.abort().catch(() => undefined);
        throw error;
      }
    },
  };
}
