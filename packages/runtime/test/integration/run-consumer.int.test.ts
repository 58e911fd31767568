import { randomUUID } from 'node:crypto';
import {
  cleanUpAfterEach,
  committedOffset,
  createTestTopics,
  produceRecords,
  readTopicToEnd,
  testKafka,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { ConsumedRecord } from '../../src/consumer/consumed-record.ts';
import { type ConsumerHandle, runConsumer } from '../../src/consumer/run-consumer.ts';
import { RuntimeError } from '../../src/errors.ts';
import { createMetrics, type Metrics } from '../../src/metrics/create-metrics.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

async function setUp(): Promise<{ kafka: Kafka; topic: string; groupId: string; metrics: Metrics }> {
  const kafka = testKafka();
  const { names, remove } = await createTestTopics(kafka, ['consumer']);
  cleanups.push(remove);
  return {
    kafka,
    topic: names[0] as string,
    groupId: `test-group-${randomUUID()}`,
    metrics: createMetrics('test'),
  };
}

async function produce(kafka: Kafka, topic: string, values: string[], key = 'same-key'): Promise<void> {
  await produceRecords(
    kafka,
    topic,
    values.map((value) => ({ key, value, headers: { 'x-event-id': `event-${value}` } })),
  );
}

async function start(
  kafka: Kafka,
  topic: string,
  groupId: string,
  metrics: Metrics,
  handleRecord: (record: ConsumedRecord) => Promise<void>,
): Promise<ConsumerHandle> {
  const handle = await runConsumer({
    kafka,
    groupId,
    topics: [topic],
    logger,
    metrics,
    handleRecord,
    retryBackoff: { initialMs: 100, maxMs: 400 },
  });
  cleanups.push(() => handle.stop());
  return handle;
}

describe('runConsumer', () => {
  it('hands every record to the handler in partition order and commits after it resolved', async () => {
    const { kafka, topic, groupId, metrics } = await setUp();
    const seen: ConsumedRecord[] = [];
    await start(kafka, topic, groupId, metrics, async (record) => {
      seen.push(record);
    });
    await produce(kafka, topic, ['1', '2', '3', '4', '5']);
    await waitFor(() => seen.length === 5, { timeoutMs: 60_000, description: 'five records' });
    expect(seen.map((record) => record.value?.toString())).toEqual(['1', '2', '3', '4', '5']);
    expect(seen[0]).toMatchObject({ key: 'same-key', headers: { 'x-event-id': 'event-1' }, topic });
    const partition = seen[0]?.partition ?? 0;
    await waitFor(async () => (await committedOffset(kafka, groupId, topic, partition)) === 5n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
  });

  it('sends a record failing with a non-retryable error to the DLQ with why and where, then moves on', async () => {
    const { kafka, topic, groupId, metrics } = await setUp();
    const handled: string[] = [];
    await start(kafka, topic, groupId, metrics, async (record) => {
      const value = record.value?.toString() ?? '';
      if (value === 'bad') {
        throw Object.assign(new Error('order breaks the contract: /items must not be empty'), {
          code: 'TEST_CONTRACT_VIOLATION',
          retryable: false,
        });
      }
      handled.push(value);
    });
    await produce(kafka, topic, ['a', 'bad', 'b']);
    await waitFor(() => handled.length === 2, { timeoutMs: 60_000, description: 'the good records' });
    expect(handled).toEqual(['a', 'b']);
    await waitFor(async () => (await readTopicToEnd(kafka, `${topic}.dlq`)).length === 1, {
      timeoutMs: 30_000,
      description: 'dead letter',
    });
    const [letter] = await readTopicToEnd(kafka, `${topic}.dlq`);
    expect(letter?.value).toBe('bad');
    expect(letter?.key).toBe('same-key');
    expect(letter?.headers).toMatchObject({
      'x-event-id': 'event-bad',
      'x-dlq-reason': 'order breaks the contract: /items must not be empty',
      'x-dlq-error-code': 'TEST_CONTRACT_VIOLATION',
      'x-dlq-source-topic': topic,
      'x-dlq-source-offset': '1',
    });
    expect(letter?.headers['x-dlq-source-partition']).toMatch(/^[0-2]$/);
    expect(await metrics.registry.getSingleMetricAsString('consumer_records_dead_lettered_total')).toContain(
      'code="TEST_CONTRACT_VIOLATION"',
    );
  });

  it('retries a retryable failure from the failed offset without committing past it', async () => {
    const { kafka, topic, groupId, metrics } = await setUp();
    const handled: string[] = [];
    let failuresLeft = 3;
    let partition = -1;
    let committedWhileFailing = -1n;
    await start(kafka, topic, groupId, metrics, async (record) => {
      const value = record.value?.toString() ?? '';
      partition = record.partition;
      if (value === 'flaky' && failuresLeft > 0) {
        failuresLeft -= 1;
        if (failuresLeft === 0)
          committedWhileFailing = await committedOffset(kafka, groupId, topic, partition);
        throw new RuntimeError('RUNTIME_STORE_UNAVAILABLE', 'database down');
      }
      handled.push(value);
    });
    await produce(kafka, topic, ['x', 'flaky', 'y']);
    await waitFor(() => handled.length === 3, {
      timeoutMs: 60_000,
      description: 'all records after retries',
    });
    expect(handled).toEqual(['x', 'flaky', 'y']);
    expect(committedWhileFailing).toBeLessThanOrEqual(1n);
    await waitFor(async () => (await committedOffset(kafka, groupId, topic, partition)) === 3n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
    expect(await readTopicToEnd(kafka, `${topic}.dlq`)).toEqual([]);
    expect(await metrics.registry.getSingleMetricAsString('consumer_records_retried_total')).toContain(' 3');
  });

  it('treats an error without a retryable flag as retryable rather than dead-lettering it', async () => {
    const { kafka, topic, groupId, metrics } = await setUp();
    const handled: string[] = [];
    let failed = false;
    await start(kafka, topic, groupId, metrics, async (record) => {
      if (!failed) {
        failed = true;
        throw new TypeError('connection reset by a driver');
      }
      handled.push(record.value?.toString() ?? '');
    });
    await produce(kafka, topic, ['only']);
    await waitFor(() => handled.length === 1, { timeoutMs: 60_000, description: 'the retried record' });
    expect(await readTopicToEnd(kafka, `${topic}.dlq`)).toEqual([]);
  });
});
