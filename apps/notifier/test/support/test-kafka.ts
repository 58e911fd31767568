import { randomUUID } from 'node:crypto';
import {
  type ReadRecord,
  readTopicsToEnd,
  testTopicNames,
  waitFor,
  withDeadLetterTopics,
} from '@order-service/test-support';
import { Kafka, logLevel } from 'kafkajs';

export type { ReadRecord } from '@order-service/test-support';

const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',');

/** The topics of one test: unique names, so tests never share Kafka state. */
export interface TestTopics {
  created: string;
  status: string;
  notifications: string;
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
      const [created = '', status = '', notifications = ''] = testTopicNames([
        'test.orders.created',
        'test.orders.status',
        'test.orders.notifications',
      ]);
      const topics = { created, status, notifications };
      const names = withDeadLetterTopics(Object.values(topics));
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
      messages: { key: string; value: string; headers?: Record<string, string>; partition?: number }[],
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
      return readTopicsToEnd(kafka, topics);
    },

    /** Waits until the consumer group has committed every partition of `topics` to its end. */
    async waitForGroupCaughtUp(groupId: string, topics: string[], timeoutMs = 90_000): Promise<void> {
      await connect();
      await waitFor(
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
        {
          description: `group ${groupId} to commit ${topics.join(', ')} to the end`,
          timeoutMs,
          intervalMs: 250,
        },
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
