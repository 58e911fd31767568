import type { Kafka, Message, Producer } from 'kafkajs';

/** Options of `produceRecords`. */
export interface ProduceRecordsOptions {
  /** Records per request. Default 500. */
  batchSize?: number;
}

/**
 * Sends `records` to `topic` in order, in batches, each acknowledged by all in-sync replicas (as
 * the apps' producers are). Given a `Kafka`, it opens a producer of its own for the call (no topic
 * is created on the fly); given a connected `Producer` (an idempotent one, say), it uses that.
 */
export async function produceRecords(
  target: Kafka | Producer,
  topic: string,
  records: readonly Message[],
  options: ProduceRecordsOptions = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const send = async (producer: Producer) => {
    for (let start = 0; start < records.length; start += batchSize) {
      await producer.send({ topic, acks: -1, messages: records.slice(start, start + batchSize) });
    }
  };
  if ('send' in target) {
    await send(target);
    return;
  }
  const producer = target.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await send(producer);
  } finally {
    await producer.disconnect();
  }
}
