// Child process: one pass-through hop of the raw kafkajs loop. Consumes a topic with eachBatch and
// produces every record, unchanged, to the next topic in one batched send with acks -1; the
// batch's offsets are committed after the send resolved (the same at-least-once order as the apps).
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';

const [brokers = 'localhost:9092', fromTopic = '', toTopic = '', groupId = ''] = process.argv.slice(2);
const kafka = new Kafka({
  clientId: `bench-raw-relay-${toTopic}`,
  brokers: brokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ allowAutoTopicCreation: false });
const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });

await producer.connect();
await consumer.connect();
await consumer.subscribe({ topics: [fromTopic], fromBeginning: true });
const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
await consumer.run({
  partitionsConsumedConcurrently: 3,
  eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
    if (batch.messages.length === 0) return;
    await producer.send({
      topic: toTopic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: batch.messages.map((message) => ({
        key: message.key,
        value: message.value,
        headers: message.headers,
      })),
    });
    const last = batch.messages[batch.messages.length - 1];
    if (last) resolveOffset(last.offset);
    await heartbeat();
  },
});
await joined;
process.send?.({ type: 'ready' });

process.on('message', (command: { type: string }) => {
  if (command.type !== 'close') return;
  Promise.allSettled([consumer.disconnect(), producer.disconnect()]).finally(() => process.exit(0));
});
