import { randomUUID } from 'node:crypto';
import { cleanUpAfterEach } from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import { createOutboxRelay, type OutboxMode } from '../../src/outbox/create-outbox-relay.ts';
import { enqueueOutbox } from '../../src/outbox/enqueue-outbox.ts';
import type { OutboxMessage } from '../../src/outbox/outbox-message.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/store.ts';
import { createTestTopics, readAll, testKafka, testLogger, waitFor } from './kafka-test-helpers.ts';
import { engines, freshDatabase } from './store-test-helpers.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

async function setUp(engine: 'pglite' | 'postgres'): Promise<{ kafka: Kafka; store: Store; topic: string }> {
  const kafka = testKafka(logger);
  const { topics, remove } = await createTestTopics(kafka, 'direct');
  cleanups.push(remove);
  const database = await freshDatabase(engine, logger);
  cleanups.push(database.drop);
  const store = await database.open();
  if (engine === 'postgres') cleanups.push(() => store.close());
  await migrate(store, [{ id: 'direct-test-1', sql: 'CREATE TABLE direct_test (id text PRIMARY KEY)' }]);
  return { kafka, store, topic: topics[0] as string };
}

function relayOf(store: Store, kafka: Kafka, mode?: OutboxMode) {
  const relay = createOutboxRelay({
    store,
    kafka,
    logger,
    metrics: createMetrics('test'),
    clientId: 'test-relay',
    ...(mode === undefined ? {} : { mode }),
  });
  cleanups.push(() => relay.stop({ timeoutMs: 5_000 }));
  return relay;
}

function message(topic: string, index: number): OutboxMessage {
  return {
    topic,
    key: `order-${index}`,
    value: JSON.stringify({ index }),
    headers: { 'x-message-name': 'Test' },
    eventId: randomUUID(),
  };
}

async function outboxRows(store: Store): Promise<number> {
  const result = await store.query<{ count: string }>('SELECT count(*)::text AS count FROM outbox');
  return Number(result.rows[0]?.count);
}

describe.each(engines)('OUTBOX_MODE on %s', (engine) => {
  it('direct: publishes when the transaction call resolves, after the commit, and writes no outbox row', async () => {
    const { kafka, store, topic } = await setUp(engine);
    await relayOf(store, kafka, 'direct').start();
    const messages = [message(topic, 1), message(topic, 2), message(topic, 3)];
    await store.transaction(async (tx) => {
      await tx.query('INSERT INTO direct_test (id) VALUES ($1)', ['a']);
      // Two calls in one transaction: all their messages are published together after the commit.
      await enqueueOutbox(tx, messages.slice(0, 1));
      await enqueueOutbox(tx, messages.slice(1));
    });
    // No waiting: the records must already be on the topic when store.transaction resolved.
    const records = await readAll(kafka, topic);
    expect(records.map((record) => record.headers['x-event-id']).sort()).toEqual(
      messages.map((entry) => entry.eventId).sort(),
    );
    expect(records.every((record) => record.headers['x-message-name'] === 'Test')).toBe(true);
    expect(await outboxRows(store)).toBe(0);
  });

  it('direct: publishes nothing for a transaction that rolls back', async () => {
    const { kafka, store, topic } = await setUp(engine);
    await relayOf(store, kafka, 'direct').start();
    const failing = store.transaction(async (tx) => {
      await enqueueOutbox(tx, [message(topic, 1)]);
      throw new Error('handler failed');
    });
    await expect(failing).rejects.toThrow('handler failed');
    await store.transaction((tx) => enqueueOutbox(tx, [message(topic, 2)]));
    const records = await readAll(kafka, topic);
    expect(records.map((record) => record.key)).toEqual(['order-2']);
    expect(await outboxRows(store)).toBe(0);
  });

  it('direct: the publish sees the transaction committed (runs after COMMIT, not before)', async () => {
    const { kafka, store } = await setUp(engine);
    relayOf(store, kafka, 'direct');
    const seenAtPublish: number[] = [];
    // The relay installed its publisher; replace it with a probe that reads the committed table.
    store.setDirectPublish(async () => {
      const result = await store.query<{ count: string }>('SELECT count(*)::text AS count FROM direct_test');
      seenAtPublish.push(Number(result.rows[0]?.count));
    });
    await store.transaction(async (tx) => {
      await tx.query('INSERT INTO direct_test (id) VALUES ($1)', ['b']);
      await enqueueOutbox(tx, [message('probe-topic', 1)]);
    });
    expect(seenAtPublish).toEqual([1]);
  });

  it('outbox (default): writes an outbox row and publishes nothing until the relay runs', async () => {
    const { kafka, store, topic } = await setUp(engine);
    const relay = relayOf(store, kafka);
    await store.transaction((tx) => enqueueOutbox(tx, [message(topic, 1)]));
    expect(await outboxRows(store)).toBe(1);
    expect(await readAll(kafka, topic)).toEqual([]);
    await relay.start();
    await waitFor(async () => (await relay.lag()).pending === 0, 60_000, 'outbox drained');
    expect((await readAll(kafka, topic)).map((record) => record.key)).toEqual(['order-1']);
  });
});
