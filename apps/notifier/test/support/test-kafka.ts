import { randomUUID } from 'node:crypto';
import { Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { waitFor } from './wait-for.ts';

const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');

/** The topics of one test: unique names, so tests never share Kafka state. */
export interface TestTopics {
  created: string;
  status: string;
  notifications: string;
}

/** A record read back from a topic. */
export interface ReadRecord {
  partition: number;
  offset: string;
  key: string | undefined;
  value: string | undefined;
  headers: Record<string, string>;
}

function toReadRecord(partition: number, message: KafkaMessage): ReadRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first.toString();
  }
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString(),
    value: message.value?.toString(),
    headers,
  };
}

/** Kafka access for one test file: topics, a producer, reading topics back, group offsets. */
export function createTestKafka() {
  const kafka = new Kafka({
    clientId: `notifier-test-${randomUUID().slice(0, 8)}`,
    brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const createdTopics: string[] = [];
  let connected = false;

  const connect = async () => {
    if (connected) return;
    await Promise.all([admin.connect(), producer.connect()]);
    connected = true;
  };

  return {
    kafka,
    /** Creates fresh topics (3 partitions, each with its .dlq) for one test. */
    async createTopics(): Promise<TestTopics> {
      await connect();
      const suffix = randomUUID();
      const topics = {
        created: `test.orders.created.${suffix}`,
        status: `test.orders.status.${suffix}`,
        notifications: `test.orders.notifications.${suffix}`,
      };
      const names = Object.values(topics).flatMap((topic) => [topic, `${topic}.dlq`]);
      await admin.createTopics({
        waitForLeaders: true,
        topics: names.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
      });
      createdTopics.push(...names);
      return topics;
    },

    /** Produces records and waits for the broker's acknowledgement. */
    async produce(
      topic: string,
      messages: { key: string; value: string; headers?: Record<string, string> }[],
    ): Promise<void> {
      await connect();
      await producer.send({ topic, acks: -1, messages });
    },

    /** How many records a topic holds (from its offsets: cheap, no consumer group). */
    async countRecords(topic: string): Promise<number> {
      await connect();
      const ends = await admin.fetchTopicOffsets(topic);
      return ends.reduce((sum, end) => sum + Number(end.high) - Number(end.low), 0);
    },

    /** Reads a topic from the start up to its current end. */
    async readTopic(topic: string): Promise<ReadRecord[]> {
      return (await this.readTopics([topic]))[topic] ?? [];
    },

    /** Reads topics from the start up to their current ends, with one consumer (one group join). */
    async readTopics(topics: string[]): Promise<Record<string, ReadRecord[]>> {
      await connect();
      const records: Record<string, ReadRecord[]> = Object.fromEntries(topics.map((topic) => [topic, []]));
      const remaining = new Map<string, number>();
      for (const topic of topics) {
        for (const end of await admin.fetchTopicOffsets(topic)) {
          if (Number(end.high) > Number(end.low))
            remaining.set(`${topic}:${end.partition}`, Number(end.high));
        }
      }
      if (remaining.size === 0) return records;
      const wanted = new Map(remaining);
      const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
      await consumer.connect();
      try {
        for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ topic, partition, message }) => {
            const high = wanted.get(`${topic}:${partition}`);
            if (high === undefined || Number(message.offset) >= high) return;
            records[topic]?.push(toReadRecord(partition, message));
            if (Number(message.offset) + 1 >= high) remaining.delete(`${topic}:${partition}`);
          },
        });
        await waitFor(`reading ${topics.join(', ')} to the end`, () => remaining.size === 0, {
          timeoutMs: 60_000,
        });
      } finally {
        await consumer.disconnect();
      }
      return records;
    },

    /** Waits until the consumer group has committed every partition of `topics` to its end. */
    async waitForGroupCaughtUp(groupId: string, topics: string[], timeoutMs = 90_000): Promise<void> {
      await connect();
      await waitFor(
        `group ${groupId} to commit ${topics.join(', ')} to the end`,
        async () => {
          const committed = await admin.fetchOffsets({ groupId, topics });
          for (const topic of topics) {
            const ends = await admin.fetchTopicOffsets(topic);
            const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
            for (const end of ends) {
              const at = offsets.find((entry) => entry.partition === end.partition)?.offset ?? '-1';
              const position = Number(at) < 0 ? Number(end.low) : Number(at);
              if (position < Number(end.high)) return false;
            }
          }
          return true;
        },
        { timeoutMs, intervalMs: 250 },
      );
    },

    /** Deletes the topics this helper created and disconnects. */
    async close(): Promise<void> {
      if (!connected) return;
      await admin.deleteTopics({ topics: createdTopics }).catch(() => undefined);
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    },
  };
}

/** The helper's type. */
export type TestKafka = ReturnType<typeof createTestKafka>;
