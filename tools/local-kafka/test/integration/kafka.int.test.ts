import { randomUUID } from 'node:crypto';
import { type Consumer, Kafka, logLevel, type Producer } from 'kafkajs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafkaRunning } from '../../src/ensure-kafka-running.ts';
import { createTopics } from '../../src/kafka-admin.ts';
import { waitUntil } from './wait-until.ts';

// Runs against KAFKA_BROKERS, or the local broker of `pnpm kafka:start`, started here when it is
// not running yet (then left running, as `pnpm kafka:start` would).
let brokers: string[] = [];
let kafka: Kafka;

beforeAll(async () => {
  brokers = [...(await ensureKafkaRunning()).brokers];
  kafka = new Kafka({ clientId: 'local-kafka-int-test', brokers, logLevel: logLevel.NOTHING });
});

const openClients: { disconnect(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(openClients.splice(0).map((client) => client.disconnect().catch(() => {})));
});

function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

async function connectProducer(config: Parameters<Kafka['producer']>[0] = {}): Promise<Producer> {
  const producer = kafka.producer(config);
  openClients.push(producer);
  await producer.connect();
  return producer;
}

async function connectConsumer(config: Parameters<Kafka['consumer']>[0]): Promise<Consumer> {
  const consumer = kafka.consumer(config);
  openClients.push(consumer);
  await consumer.connect();
  return consumer;
}

describe('the local Kafka broker with kafkajs', () => {
  it('creates topics through the tool, once', async () => {
    const topic = uniqueName('local-kafka-topics');
    const env = { ...process.env, KAFKA_BROKERS: brokers.join(',') };
    const first = await ensureKafkaRunning({ env, topics: [topic], partitions: 2 });
    expect(first.topics.created).toEqual([topic]);
    const second = await ensureKafkaRunning({ env, topics: [topic], partitions: 2 });
    expect(second.topics).toEqual({ created: [], existing: [topic] });

    const admin = kafka.admin();
    openClients.push(admin);
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(2);
  });

  it('delivers produced records to a consumer, in order per key', async () => {
    const topic = uniqueName('local-kafka-roundtrip');
    await createTopics(brokers, [topic], 3);
    const producer = await connectProducer({ idempotent: true });
    const sent = Array.from({ length: 30 }, (_, index) => ({
      key: `order-${index % 5}`,
      value: `event-${index}`,
    }));
    await producer.send({ topic, acks: -1, messages: sent });

    const received: { key: string; value: string }[] = [];
    const consumer = await connectConsumer({ groupId: uniqueName('local-kafka-group') });
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: String(message.key), value: String(message.value) });
      },
    });
    await waitUntil(() => received.length >= sent.length, `all ${sent.length} records arrived`);

    expect(received.toSorted((a, b) => a.value.localeCompare(b.value))).toEqual(
      sent.toSorted((a, b) => a.value.localeCompare(b.value)),
    );
    for (const key of new Set(sent.map((record) => record.key))) {
      const order = (records: { key: string; value: string }[]) =>
        records.filter((r) => r.key === key).map((r) => r.value);
      expect(order(received)).toEqual(order(sent));
    }
  });

  it('splits partitions between two members of a group, which together get every record exactly once', async () => {
    const topic = uniqueName('local-kafka-group-split');
    const partitions = 4;
    await createTopics(brokers, [topic], partitions);
    const groupId = uniqueName('local-kafka-two-members');

    const assignments = new Map<string, number[]>();
    const receivedBy = new Map<string, string[]>();
    const members = ['member-a', 'member-b'];
    for (const member of members) {
      receivedBy.set(member, []);
      const consumer = await connectConsumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 1_000 });
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        assignments.set(member, event.payload.memberAssignment[topic] ?? []);
      });
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          receivedBy.get(member)?.push(String(message.value));
        },
      });
    }
    // Both members in one generation: their assignments are disjoint and cover every partition.
    await waitUntil(() => {
      const all = members.flatMap((member) => assignments.get(member) ?? []);
      return (
        members.every((member) => (assignments.get(member)?.length ?? 0) > 0) &&
        new Set(all).size === partitions &&
        all.length === partitions
      );
    }, 'both members hold partitions of one generation');

    const producer = await connectProducer({ idempotent: true });
    const values = Array.from({ length: 200 }, (_, index) => `record-${index}`);
    // Explicit partitions, so that every partition (and so every member) gets records.
    await producer.send({
      topic,
      acks: -1,
      messages: values.map((value, index) => ({ key: `key-${index}`, value, partition: index % partitions })),
    });

    const total = () => members.reduce((sum, member) => sum + (receivedBy.get(member)?.length ?? 0), 0);
    await waitUntil(() => total() >= values.length, `all ${values.length} records arrived`);

    const all = members.flatMap((member) => receivedBy.get(member) ?? []);
    expect(all.toSorted()).toEqual(values.toSorted());
    expect(new Set(all).size).toBe(values.length);
    for (const member of members) {
      expect(receivedBy.get(member)?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('commits and aborts transactions; read_committed consumers see only committed records', async () => {
    const topic = uniqueName('local-kafka-transactions');
    await createTopics(brokers, [topic], 1);
    const producer = await connectProducer({
      transactionalId: uniqueName('local-kafka-tx'),
      idempotent: true,
      maxInFlightRequests: 1,
    });

    const committed = await producer.transaction();
    await committed.send({ topic, acks: -1, messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, acks: -1, messages: [{ value: 'aborted' }] });
    await aborted.abort();
    const last = await producer.transaction();
    await last.send({ topic, acks: -1, messages: [{ value: 'committed-3' }, { value: 'end' }] });
    await last.commit();

    // One partition: once 'end' arrives, every earlier record has been delivered or filtered.
    const readAll = async (readUncommitted: boolean) => {
      const values: string[] = [];
      const consumer = await connectConsumer({
        groupId: uniqueName('local-kafka-tx-reader'),
        readUncommitted,
      });
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          values.push(String(message.value));
        },
      });
      await waitUntil(() => values.includes('end'), 'the last committed record arrived');
      return values;
    };

    expect(await readAll(false)).toEqual(['committed-1', 'committed-2', 'committed-3', 'end']);
    // The aborted record is on the log: only the isolation level hides it.
    expect(await readAll(true)).toContain('aborted');
  });
});
