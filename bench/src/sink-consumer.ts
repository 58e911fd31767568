import type { IHeaders, Kafka } from 'kafkajs';

/** One record as the sink saw it, stamped with the monotonic time it arrived. */
export type SinkRecord = { key: string; headers: IHeaders; receivedNs: bigint };

/** A consumer at the end of the system under test. */
export type SinkConsumer = { stop(): Promise<void> };

/**
 * Consumes `topic` from the beginning with eachBatch and hands each record (key, headers, arrival
 * time) to `onRecord`. The sink is measurement harness: it does no work a system would do.
 */
export async function startSinkConsumer(options: {
  kafka: Kafka;
  topic: string;
  groupId: string;
  onRecord: (record: SinkRecord) => void;
}): Promise<SinkConsumer> {
  const consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      const receivedNs = process.hrtime.bigint();
      for (const message of batch.messages) {
        if (!message.key) continue;
        options.onRecord({ key: message.key.toString(), headers: message.headers ?? {}, receivedNs });
      }
    },
  });
  await joined;
  return { stop: () => consumer.disconnect() };
}

/** The text of a header value (kafkajs gives Buffers), or undefined. */
export function headerText(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
