import { randomUUID } from 'node:crypto';
import {
  cleanUpAfterEach,
  createTestTopics,
  metricValue,
  readTopicToEnd,
  testKafka,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../../src/kafka/key-partitioner.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import { createOutboxRelay, type OutboxRelay } from '../../src/outbox/create-outbox-relay.ts';
import { enqueueOutbox } from '../../src/outbox/enqueue-outbox.ts';
import { migrate } from '../../src/service/migrate.ts';
import type { Store } from '../../src/store/store.ts';
import { engines, freshDatabase } from './store-test-helpers.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

interface Setup {
  kafka: Kafka;
  store: Store;
  topic: string;
  /** Another instance's store on the same database (PGlite: the same store). */
  openAnother: () => Promise<Store>;
}

async function setUp(engine: 'pglite' | 'postgres'): Promise<Setup> {
  const kafka = testKafka();
  const { names, remove } = await createTestTopics(kafka, ['relay']);
  cleanups.push(remove);
  const database = await freshDatabase(engine, logger);
  cleanups.push(database.drop);
  const openAnother = async () => {
    const store = await database.open();
    if (engine === 'postgres') cleanups.push(() => store.close());
    return store;
  };
  const store = await openAnother();
  await migrate(store, []);
  return { kafka, store, topic: names[0] as string, openAnother };
}

function relayOf(
  store: Store,
  kafka: Kafka,
  extra: Partial<Parameters<typeof createOutboxRelay>[0]> = {},
): OutboxRelay {
  const relay = createOutboxRelay({
    store,
    kafka,
    logger,
    metrics: createMetrics('test'),
    clientId: 'test-relay',
    ...extra,
  });
  cleanups.push(() => relay.stop({ timeoutMs: 5_000 }));
  return relay;
}

async function enqueue(
  store: Store,
  topic: string,
  count: number,
  keyOf = (index: number) => `order-${index % 7}`,
) {
  const eventIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const eventId = randomUUID();
    eventIds.push(eventId);
    await store.transaction((tx) =>
      enqueueOutbox(tx, [
        {
          topic,
          key: keyOf(index),
          value: JSON.stringify({ index }),
          headers: { 'x-message-name': 'Test' },
          eventId,
        },
      ]),
    );
  }
  return eventIds;
}

describe.each(engines)('outbox relay on %s', (engine) => {
  it('publishes every row once, in id order per key, and marks it after the ack', async () => {
    const { kafka, store, topic } = await setUp(engine);
    const relay = relayOf(store, kafka, { batchSize: 7 });
    await relay.start();
    const eventIds = await enqueue(store, topic, 40);
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'outbox drained',
    });
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.headers['x-event-id']).sort()).toEqual([...eventIds].sort());
    for (const key of new Set(records.map((record) => record.key))) {
      const indexes = records
        .filter((record) => record.key === key)
        .sort((left, right) => Number(BigInt(left.offset) - BigInt(right.offset)))
        .map((record) => (JSON.parse(record.value ?? '{}') as { index: number }).index);
      expect(indexes).toEqual([...indexes].sort((left, right) => left - right));
    }
    expect(records[0]?.headers['x-message-name']).toBe('Test');
  });

  it('publishes records keyed by 300 kB order ids promptly, each on the partition Java would choose', async () => {
    // kafkajs's own murmur2 is quadratic in the key: a key this long blocked the relay for minutes.
    const { kafka, store, topic } = await setUp(engine);
    const relay = relayOf(store, kafka);
    await relay.start();
    const keys = ['x', 'я', '😀'].map((unit) => unit.repeat(300_000 / Buffer.byteLength(unit)));
    await enqueue(store, topic, keys.length, (index) => keys[index] as string);
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 30_000,
      description: 'outbox drained',
    });
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => [record.key, record.partition])).toEqual(
      expect.arrayContaining(keys.map((key) => [key, partitionForKey(key, 3)])),
    );
  });

  it('wakes within a fraction of the poll interval after a commit', async () => {
    const { kafka, store, topic } = await setUp(engine);
    const relay = relayOf(store, kafka, { pollIntervalMs: 60_000 });
    await relay.start();
    await waitFor(() => relay.isLeader(), { timeoutMs: 30_000, description: 'leadership' });
    // Give the relay time to connect and pass its start-up recovery before timing the wake-up.
    await enqueue(store, topic, 1);
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 30_000,
      description: 'first publish',
    });
    const started = Date.now();
    await enqueue(store, topic, 1);
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 30_000,
      description: 'second publish',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not publish again after a crash between the broker ack and the mark', async () => {
    const setup = await setUp(engine);
    const { kafka, store, topic } = setup;
    let acknowledged = 0;
    const crashed = relayOf(store, kafka, {
      beforeMark: async (rows) => {
        acknowledged += rows.length;
        // The process "dies" here: the rows are on the topic but never marked.
        await new Promise(() => undefined);
      },
    });
    const eventIds = await enqueue(store, topic, 10);
    await crashed.start();
    await waitFor(() => acknowledged === 10, { timeoutMs: 60_000, description: 'first relay publish' });
    await crashed.stop({ timeoutMs: 200 });
    expect((await crashed.lag()).pending).toBe(10);

    const moreIds = await enqueue(store, topic, 5);
    const recovered = relayOf(await setup.openAnother(), kafka);
    await recovered.start();
    await waitFor(async () => (await recovered.lag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'recovered relay drained',
    });
    const records = await readTopicToEnd(kafka, topic);
    const seen = records.map((record) => record.headers['x-event-id']);
    expect(seen.sort()).toEqual([...eventIds, ...moreIds].sort());
  });

  it('fences a stale relay of the same database: its open transaction can no longer commit', async () => {
    const { kafka, store, topic } = await setUp(engine);
    const identity = await store.query<{ relay_id: string }>('SELECT relay_id FROM outbox_relay_identity');
    const zombie = kafka.producer({
      transactionalId: `outbox-relay-${identity.rows[0]?.relay_id}`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await zombie.connect();
    cleanups.push(() => zombie.disconnect());
    const zombieTransaction = await zombie.transaction();
    await zombieTransaction.send({
      topic,
      messages: [{ key: 'zombie', value: '{}', headers: { 'x-event-id': 'zombie' } }],
    });

    const eventIds = await enqueue(store, topic, 3);
    const relay = relayOf(store, kafka);
    await relay.start();
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'relay drained',
    });
    await expect(zombieTransaction.commit()).rejects.toThrow();
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.headers['x-event-id']).sort()).toEqual([...eventIds].sort());
  });

  it('keeps rows pending while Kafka is unreachable and publishes each once when it returns', async () => {
    const { kafka, store, topic } = await setUp(engine);
    let networkUp = false;
    const { createConnection } = await import('node:net');
    const flakyKafka = testKafka({
      connectionTimeoutMs: 500,
      socketFactory: ({ host, port, onConnect }) => {
        const socket = createConnection({ host, port: networkUp ? port : 1 }, onConnect);
        return socket;
      },
    });
    const metrics = createMetrics('test');
    const relay = relayOf(store, flakyKafka, {
      retryBackoff: { initialMs: 100, maxMs: 500 },
      metrics,
      lagRefreshMs: 200,
    });
    await relay.start();
    const eventIds = await enqueue(store, topic, 12);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // The gauge tells the truth while every publish fails (read before anything calls lag()).
    expect(metricValue(await metrics.registry.metrics(), 'outbox_pending_messages')).toBe(12);
    expect((await relay.lag()).pending).toBe(12);
    networkUp = true;
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 90_000,
      description: 'drained after Kafka returned',
    });
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.headers['x-event-id']).sort()).toEqual([...eventIds].sort());
  });
});

describe.skipIf(!engines.includes('postgres'))(
  'outbox relays of two instances on one PostgreSQL (skipped without TEST_DATABASE_URL)',
  () => {
    it('lets one relay publish at a time and hands over when it stops', async () => {
      const { kafka, topic, openAnother, store } = await setUp('postgres');
      const first = relayOf(store, kafka, { leaderRetryMs: 200 });
      const second = relayOf(await openAnother(), kafka, { leaderRetryMs: 200 });
      await first.start();
      await waitFor(() => first.isLeader(), { timeoutMs: 30_000, description: 'first relay leads' });
      await second.start();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(second.isLeader()).toBe(false);
      const before = await enqueue(store, topic, 5);
      await waitFor(async () => (await first.lag()).pending === 0, {
        timeoutMs: 60_000,
        description: 'first relay drained',
      });
      await first.stop();
      await waitFor(() => second.isLeader(), { timeoutMs: 30_000, description: 'second relay takes over' });
      const after = await enqueue(store, topic, 5);
      await waitFor(async () => (await second.lag()).pending === 0, {
        timeoutMs: 60_000,
        description: 'second relay drained',
      });
      const records = await readTopicToEnd(kafka, topic);
      expect(records.map((record) => record.headers['x-event-id']).sort()).toEqual(
        [...before, ...after].sort(),
      );
    });

    it('is woken by a commit in another instance through NOTIFY, not by its poll', async () => {
      const { kafka, topic, openAnother, store } = await setUp('postgres');
      const relay = relayOf(store, kafka, { pollIntervalMs: 120_000 });
      await relay.start();
      await waitFor(() => relay.isLeader(), { timeoutMs: 30_000, description: 'leadership' });
      const other = await openAnother();
      await enqueue(other, topic, 1);
      await waitFor(async () => (await relay.lag()).pending === 0, {
        timeoutMs: 30_000,
        description: 'first publish',
      });
      const started = Date.now();
      await enqueue(other, topic, 1);
      await waitFor(async () => (await relay.lag()).pending === 0, {
        timeoutMs: 30_000,
        description: 'published after NOTIFY',
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  },
);
