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
import { runConsumer } from '../../src/consumer/run-consumer.ts';
import { RuntimeError } from '../../src/errors.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

async function setUp(): Promise<{ kafka: Kafka; topic: string; groupId: string }> {
  const kafka = testKafka();
  const { names, remove } = await createTestTopics(kafka, ['batch']);
  cleanups.push(remove);
  return { kafka, topic: names[0] as string, groupId: `test-group-${randomUUID()}` };
}

// One send with one key: the records land on one partition and, in practice, in one fetched batch.
async function produce(kafka: Kafka, topic: string, values: string[]): Promise<void> {
  await produceRecords(
    kafka,
    topic,
    values.map((value) => ({ key: 'same-key', value })),
  );
}

/**
 * A stand-in for a store: a handler stages its writes and they become visible ("commit") only if
 * it resolves, as with one store transaction per call.
 */
function fakeStore() {
  const committed: string[] = [];
  return {
    committed,
    async transaction(records: readonly ConsumedRecord[], write: (value: string) => void | Promise<void>) {
      const staged: string[] = [];
      for (const record of records) {
        const value = record.value?.toString() ?? '';
        await write(value);
        staged.push(value);
      }
      committed.push(...staged);
    },
  };
}

const poison = (value: string) => {
  if (value === 'bad') {
    throw Object.assign(new Error('order breaks the contract'), {
      code: 'TEST_CONTRACT_VIOLATION',
      retryable: false,
    });
  }
};

describe('runConsumer batch mode', () => {
  it('dead-letters only the poison record of a batch and commits every other record once', async () => {
    const { kafka, topic, groupId } = await setUp();
    const store = fakeStore();
    let batchCalls = 0;
    const handle = await runConsumer({
      kafka,
      groupId,
      topics: [topic],
      logger,
      metrics: createMetrics('test'),
      retryBackoff: { initialMs: 100, maxMs: 400 },
      handleRecord: (record) => store.transaction([record], poison),
      handleBatch: async (records) => {
        batchCalls += 1;
        await store.transaction(records, poison);
      },
    });
    cleanups.push(() => handle.stop());
    await produce(kafka, topic, ['a', 'b', 'bad', 'c', 'd']);
    await waitFor(() => store.committed.length >= 4, { timeoutMs: 60_000, description: 'the good records' });
    await waitFor(async () => (await readTopicToEnd(kafka, `${topic}.dlq`)).length === 1, {
      timeoutMs: 30_000,
      description: 'dead letter',
    });
    const [letter] = await readTopicToEnd(kafka, `${topic}.dlq`);
    expect(letter?.value).toBe('bad');
    expect(letter?.headers).toMatchObject({
      'x-dlq-error-code': 'TEST_CONTRACT_VIOLATION',
      'x-dlq-source-offset': '2',
    });
    await waitFor(async () => (await committedOffset(kafka, groupId, topic)) === 5n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
    expect(store.committed).toEqual(['a', 'b', 'c', 'd']);
    expect(batchCalls).toBeGreaterThan(0);
  });

  it('retries a batch after a retryable failure with nothing committed, then handles each record once', async () => {
    const { kafka, topic, groupId } = await setUp();
    const store = fakeStore();
    let failuresLeft = 2;
    let committedWhileFailing = -1n;
    const handle = await runConsumer({
      kafka,
      groupId,
      topics: [topic],
      logger,
      metrics: createMetrics('test'),
      retryBackoff: { initialMs: 100, maxMs: 400 },
      handleRecord: () => Promise.reject(new Error('batch mode must not fall back on a retryable failure')),
      handleBatch: (records) =>
        store.transaction(records, async (value) => {
          if (value === 'flaky' && failuresLeft > 0) {
            failuresLeft -= 1;
            if (failuresLeft === 0) committedWhileFailing = await committedOffset(kafka, groupId, topic);
            throw new RuntimeError('RUNTIME_STORE_UNAVAILABLE', 'database down');
          }
        }),
    });
    cleanups.push(() => handle.stop());
    await produce(kafka, topic, ['x', 'flaky', 'y']);
    await waitFor(() => store.committed.length >= 3, {
      timeoutMs: 60_000,
      description: 'all records after retries',
    });
    await waitFor(async () => (await committedOffset(kafka, groupId, topic)) === 3n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
    expect(store.committed).toEqual(['x', 'flaky', 'y']);
    expect(committedWhileFailing).toBeLessThanOrEqual(1n);
    expect(await readTopicToEnd(kafka, `${topic}.dlq`)).toEqual([]);
  });
});
