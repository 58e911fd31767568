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
import { runReadinessChecks } from '../../src/http/readiness.ts';
import { createMetrics, type Metrics } from '../../src/metrics/create-metrics.ts';
import { createOutboxRelay, type OutboxRelay } from '../../src/outbox/create-outbox-relay.ts';
import { enqueueOutbox } from '../../src/outbox/enqueue-outbox.ts';
import { outboxReadiness } from '../../src/outbox/outbox-readiness.ts';
import { migrate } from '../../src/service/migrate.ts';
import type { Store } from '../../src/store/store.ts';
import { engines, freshDatabase } from './store-test-helpers.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();
// The topic admits batches of at most 100 kB: a 60 kB row passes alone, two of them together do not.
const topicMaxMessageBytes = 100_000;

async function setUp(engine: 'pglite' | 'postgres'): Promise<{ kafka: Kafka; store: Store; topic: string }> {
  const kafka = testKafka();
  const { names, remove } = await createTestTopics(kafka, ['relay-size'], {
    partitions: 1,
    configEntries: [{ name: 'max.message.bytes', value: String(topicMaxMessageBytes) }],
  });
  cleanups.push(remove);
  const topic = names[0] as string;
  const database = await freshDatabase(engine, logger);
  cleanups.push(database.drop);
  const store = await database.open();
  if (engine === 'postgres') cleanups.push(() => store.close());
  await migrate(store, []);
  return { kafka, store, topic };
}

async function enqueueSized(store: Store, topic: string, sizes: readonly number[]): Promise<string[]> {
  const eventIds: string[] = [];
  for (const [index, size] of sizes.entries()) {
    const eventId = randomUUID();
    eventIds.push(eventId);
    await store.transaction((tx) =>
      enqueueOutbox(tx, [
        {
          topic,
          // One key: every row lands in the one partition, so the broker sees them in one batch.
          key: 'same-order',
          value: JSON.stringify({ index, padding: 'x'.repeat(size) }),
          headers: { 'x-message-name': 'Test' },
          eventId,
        },
      ]),
    );
  }
  return eventIds;
}

function relayOf(
  store: Store,
  kafka: Kafka,
  extra: Partial<Parameters<typeof createOutboxRelay>[0]> = {},
): { relay: OutboxRelay; metrics: Metrics } {
  const metrics = createMetrics('test');
  const relay = createOutboxRelay({
    store,
    kafka,
    logger,
    metrics,
    clientId: 'test-relay',
    retryBackoff: { initialMs: 100, maxMs: 500 },
    lagRefreshMs: 200,
    ...extra,
  });
  cleanups.push(() => relay.stop({ timeoutMs: 5_000 }));
  return { relay, metrics };
}

describe.each(engines)('outbox relay and the topic message size on %s', (engine) => {
  it('publishes the rest of a backlog past a row the broker refuses alone, sets that row aside and says so', async () => {
    const { kafka, store, topic } = await setUp(engine);
    // A backlog as after an outage: three 60 kB rows, one of 150 kB (never publishable on this
    // topic), two more 60 kB rows, then a small order. Together far beyond the topic's limit.
    const sizes = [60_000, 60_000, 60_000, 150_000, 60_000, 60_000, 100];
    const eventIds = await enqueueSized(store, topic, sizes);
    // The relay's byte cap is left at its default (1 MB), above what this topic admits: the
    // broker refuses the first batch and the relay must find the one row at fault by itself.
    const { relay, metrics } = relayOf(store, kafka);
    await relay.start();
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 90_000,
      description: 'backlog drained',
    });

    const records = await readTopicToEnd(kafka, topic);
    const published = records.map((record) => record.headers['x-event-id']);
    const refused = eventIds[3] as string;
    expect(published.sort()).toEqual(eventIds.filter((id) => id !== refused).sort());
    const setAside = await relay.setAsideRows();
    expect(setAside).toEqual([
      expect.objectContaining({
        eventId: refused,
        topic,
        reason: expect.stringMatching(/^MESSAGE_TOO_LARGE/),
      }),
    ]);
    expect(await relay.lag()).toMatchObject({ pending: 0, setAside: 1 });

    const text = await metrics.registry.metrics();
    expect(metricValue(text, 'outbox_set_aside_messages')).toBe(1);
    expect(metricValue(text, 'outbox_set_aside_total', { topic })).toBe(1);
    expect(metricValue(text, 'outbox_pending_messages')).toBe(0);

    // /ready stays ready (the front door keeps working) and names the row an operator must see to.
    const readiness = await runReadinessChecks([outboxReadiness(relay)], 2_000);
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.outbox).toContain(`id ${setAside[0]?.id}`);
    expect(readiness.checks.outbox).toContain(refused);

    // Once the topic admits it, clearing set_aside_at republishes it, once.
    const admin = kafka.admin();
    await admin.connect();
    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: 2, name: topic, configEntries: [{ name: 'max.message.bytes', value: '1000000' }] }],
    });
    await admin.disconnect();
    await store.query('UPDATE outbox SET set_aside_at = NULL WHERE event_id = $1', [refused]);
    relay.wake();
    await waitFor(async () => (await readTopicToEnd(kafka, topic)).length === eventIds.length, {
      timeoutMs: 60_000,
      description: 'republished',
    });
    const after = (await readTopicToEnd(kafka, topic)).map((record) => record.headers['x-event-id']);
    expect(after.sort()).toEqual([...eventIds].sort());
  });

  it('caps each Kafka request by bytes, so large rows under the limit never meet a refusal', async () => {
    const { kafka, store, topic } = await setUp(engine);
    const eventIds = await enqueueSized(store, topic, [60_000, 60_000, 60_000, 60_000, 100, 100]);
    const { relay, metrics } = relayOf(store, kafka, { maxBatchBytes: topicMaxMessageBytes });
    await relay.start();
    await waitFor(async () => (await relay.lag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'drained',
    });
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.headers['x-event-id']).sort()).toEqual([...eventIds].sort());
    const text = await metrics.registry.metrics();
    expect(metricValue(text, 'outbox_publish_errors_total')).toBe(0);
    expect(metricValue(text, 'outbox_set_aside_messages')).toBe(0);
  });
});
