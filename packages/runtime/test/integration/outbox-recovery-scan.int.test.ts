import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  cleanUpAfterEach,
  createTestTopics,
  produceRecords,
  readTopicToEnd,
  testKafka,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { type EventIdScan, scanEventIds } from '../../src/kafka/scan-event-ids.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import { createOutboxRelay, type OutboxRelay } from '../../src/outbox/create-outbox-relay.ts';
import { enqueueOutbox } from '../../src/outbox/enqueue-outbox.ts';
import { migrate } from '../../src/service/migrate.ts';
import type { Store } from '../../src/store/store.ts';
import { engines, freshDatabase } from './store-test-helpers.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();
const historySize = 20_000;
const marginMs = 1_000;

/** A fresh 3-partition topic already holding `historySize` small records that no outbox row knows. */
async function topicWithHistory(kafka: Kafka): Promise<{ topic: string; historyIds: string[] }> {
  const { names, remove } = await createTestTopics(kafka, ['recovery-scan']);
  cleanups.push(remove);
  const topic = names[0] as string;
  const historyIds = Array.from({ length: historySize }, () => randomUUID());
  await produceRecords(
    kafka,
    topic,
    historyIds.map((eventId, index) => ({
      key: `old-${index}`,
      value: '{}',
      headers: { 'x-event-id': eventId },
    })),
    { batchSize: 2_000 },
  );
  return { topic, historyIds };
}

async function enqueue(store: Store, topic: string, count: number): Promise<string[]> {
  const eventIds: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const eventId = randomUUID();
    eventIds.push(eventId);
    await store.transaction((tx) =>
      enqueueOutbox(tx, [
        { topic, key: `order-${index}`, value: JSON.stringify({ index }), headers: {}, eventId },
      ]),
    );
  }
  return eventIds;
}

describe.each(engines)('outbox recovery scan on %s', (engine) => {
  it('on a fresh database with a long topic, reads only the records written since the oldest pending row', async () => {
    const kafka = testKafka();
    const { topic } = await topicWithHistory(kafka);
    // The history is older than every outbox row by more than the clock margin.
    await new Promise((resolve) => setTimeout(resolve, marginMs * 2.5));
    const database = await freshDatabase(engine, logger);
    cleanups.push(database.drop);
    const store = await database.open();
    if (engine === 'postgres') cleanups.push(() => store.close());
    await migrate(store, []);
    const relayOf = (extra: Partial<Parameters<typeof createOutboxRelay>[0]>) => {
      const relay: OutboxRelay = createOutboxRelay({
        store,
        kafka,
        logger,
        metrics: createMetrics('test'),
        clientId: 'test-recovery-scan',
        recoveryClockMarginMs: marginMs,
        ...extra,
      });
      cleanups.push(() => relay.stop({ timeoutMs: 5_000 }));
      return relay;
    };

    // Three rows whose records reached the topic (a previous process died before marking them
    // and before any scan saved an offset), three that never left the database.
    const published = await enqueue(store, topic, 3);
    const notPublished = await enqueue(store, topic, 3);
    await produceRecords(
      kafka,
      topic,
      published.map((eventId, index) => ({
        key: `order-${index}`,
        value: JSON.stringify({ index }),
        headers: { 'x-event-id': eventId },
      })),
    );
    const saved = await store.query<{ count: string | number }>(
      'SELECT count(*) AS count FROM outbox_offsets',
    );
    expect(Number(saved.rows[0]?.count)).toBe(0);

    const scans: { scan: EventIdScan; pendingRows: number }[] = [];
    const recovered = relayOf({
      afterRecoveryScan: (scannedTopic, scan, pendingRows) => {
        if (scannedTopic === topic) scans.push({ scan, pendingRows });
      },
    });
    await recovered.start();
    await waitFor(async () => (await recovered.lag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'recovered relay drained',
    });

    const first = scans[0];
    expect(first).toBeDefined();
    const { scan, pendingRows } = first as { scan: EventIdScan; pendingRows: number };
    expect(pendingRows).toBe(6);
    expect([...scan.eventIds].sort()).toEqual([...published].sort());
    expect(scan.eventIds.size).toBeLessThanOrEqual(pendingRows);
    expect(scan.recordsRead).toBeGreaterThanOrEqual(3);
    expect(scan.recordsRead).toBeLessThan(100);
    console.info(`[${engine}] recovery scan read ${scan.recordsRead} of ${historySize + 3} records`);

    const records = await readTopicToEnd(kafka, topic);
    expect(records).toHaveLength(historySize + 6);
    const counts = new Map<string, number>();
    for (const record of records) {
      const eventId = record.headers['x-event-id'] ?? '';
      counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
    }
    for (const eventId of [...published, ...notPublished]) expect(counts.get(eventId)).toBe(1);
  }, 180_000);
});

describe('scanEventIds', () => {
  it('keeps only wanted ids, logs progress, and starts at the later of the saved and the timestamp offset', async () => {
    const kafka = testKafka();
    const { topic, historyIds } = await topicWithHistory(kafka);
    const lines: { msg: string; recordsRead?: number; topic?: string }[] = [];
    const capture = createLogger({
      name: 'test',
      level: 'info',
      destination: new Writable({
        write: (chunk, _encoding, done) => {
          for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
          done();
        },
      }),
    });
    const base = { topic, headerName: 'x-event-id', clientId: 'test-scan', timeoutMs: 60_000 };
    const wanted = new Set([historyIds[10] as string, historyIds[15_000] as string, 'not-on-the-topic']);

    // No saved offsets, no timestamp bound: the whole topic is read, but only wanted ids are kept.
    const whole = await scanEventIds(kafka, {
      ...base,
      wanted,
      from: new Map(),
      logger: capture,
      progressIntervalMs: 0,
    });
    expect([...whole.eventIds].sort()).toEqual([historyIds[10], historyIds[15_000]].sort());
    expect(whole.recordsRead).toBe(historySize);
    const progress = lines.filter((line) => line.msg === 'outbox recovery scan in progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((line) => line.topic === topic && (line.recordsRead ?? 0) > 0)).toBe(true);

    // A timestamp past every record's: kafkajs answers with the high watermark, nothing is read.
    const future = await scanEventIds(kafka, {
      ...base,
      wanted,
      from: new Map(),
      notBefore: Date.now() + 60_000,
    });
    expect(future.recordsRead).toBe(0);
    expect(future.eventIds.size).toBe(0);

    // A saved offset later than the timestamp offset wins.
    const savedAtEnd = new Map(whole.endOffsets.map((entry) => [entry.partition, entry.offset]));
    const saved = await scanEventIds(kafka, { ...base, wanted, from: savedAtEnd, notBefore: 0 });
    expect(saved.recordsRead).toBe(0);

    // No saved offset: the timestamp offset is the start, the older history is skipped.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const since = Date.now() - 200;
    const recent = Array.from({ length: 5 }, () => randomUUID());
    await produceRecords(
      kafka,
      topic,
      recent.map((eventId) => ({ key: eventId, value: '{}', headers: { 'x-event-id': eventId } })),
    );
    const bounded = await scanEventIds(kafka, {
      ...base,
      wanted: new Set([...recent, historyIds[0] as string]),
      from: new Map(),
      notBefore: since,
    });
    expect([...bounded.eventIds].sort()).toEqual([...recent].sort());
    expect(bounded.recordsRead).toBe(5);
  }, 180_000);
});
