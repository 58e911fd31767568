import { type Kafka, Partitioners, type Producer } from 'kafkajs';

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

/** The relay's producer: idempotent, `acks: -1`, Java-compatible murmur2 partitioning by key. */
export interface OutboxProducer {
  connect(): Promise<void>;
  /** Sends records in the given order (per topic partition) and resolves once all are acknowledged. */
  publish(records: readonly PublishRecord[]): Promise<PartitionAck[]>;
  disconnect(): Promise<void>;
}

/** Wraps a kafkajs idempotent producer; kafkajs stays behind this one file for the outbox. */
export function createOutboxProducer(kafka: Kafka): OutboxProducer {
  const producer: Producer = kafka.producer({
    idempotent: true,
    // The idempotent producer keeps order with one in-flight request per broker connection.
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
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
      const metadata = await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      return metadata.map((entry) => ({
        topic: entry.topicName,
        partition: entry.partition,
        offset: entry.baseOffset ?? '0',
      }));
    },
  };
}
