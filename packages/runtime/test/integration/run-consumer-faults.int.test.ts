import { randomUUID } from 'node:crypto';
import {
  cleanUpAfterEach,
  committedOffset,
  createTestTopics,
  metricValue,
  produceRecords,
  readTopicToEnd,
  testKafka,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import type { Kafka } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import type { ConsumedRecord } from '../../src/consumer/consumed-record.ts';
import { consumerReadiness } from '../../src/consumer/consumer-readiness.ts';
import {
  type ConsumerHandle,
  type RunConsumerOptions,
  runConsumer,
} from '../../src/consumer/run-consumer.ts';
import { RuntimeError } from '../../src/errors.ts';
import { createMetrics, type Metrics } from '../../src/metrics/create-metrics.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();
const fastBackoff = { initialMs: 50, maxMs: 200 };

interface Setup {
  kafka: Kafka;
  topic: string;
  groupId: string;
  metrics: Metrics;
}

async function setUp(): Promise<Setup> {
  const kafka = testKafka();
  const { names, remove } = await createTestTopics(kafka, ['faults']);
  cleanups.push(remove);
  return {
    kafka,
    topic: names[0] as string,
    groupId: `test-group-${randomUUID()}`,
    metrics: createMetrics('test'),
  };
}

// One send with one key: one partition, in practice one fetched batch.
async function produce(kafka: Kafka, topic: string, values: readonly string[]): Promise<void> {
  await produceRecords(
    kafka,
    topic,
    values.map((value) => ({ key: 'same-key', value })),
  );
}

async function start(
  setup: Setup,
  options: Omit<RunConsumerOptions, 'kafka' | 'groupId' | 'topics' | 'logger' | 'metrics'>,
): Promise<ConsumerHandle> {
  const handle = await runConsumer({
    kafka: setup.kafka,
    groupId: setup.groupId,
    topics: [setup.topic],
    logger,
    metrics: setup.metrics,
    retryBackoff: fastBackoff,
    ...options,
  });
  cleanups.push(() => handle.stop());
  return handle;
}

const textOf = (record: ConsumedRecord) => record.value?.toString() ?? '';

/** A stand-in for a store: a call's writes become visible only if it resolves (one transaction). */
function fakeStore() {
  const committed: string[] = [];
  return {
    committed,
    async transaction(records: readonly ConsumedRecord[], write: (value: string) => void) {
      const staged: string[] = [];
      for (const record of records) {
        write(textOf(record));
        staged.push(textOf(record));
      }
      committed.push(...staged);
    },
  };
}

describe('runConsumer failure policy', () => {
  it('dead-letters a record whose handler throws a RangeError after maxAttempts, and handles the records behind it', async () => {
    const setup = await setUp();
    const handled: string[] = [];
    let poisonAttempts = 0;
    let probes = 0;
    const handle = await start(setup, {
      maxAttempts: 3,
      probe: async () => {
        probes += 1;
      },
      handleRecord: async (record) => {
        if (textOf(record) === 'poison') {
          poisonAttempts += 1;
          throw new RangeError('Invalid currency amount');
        }
        handled.push(textOf(record));
      },
    });
    await produce(setup.kafka, setup.topic, ['a', 'poison', 'b', 'c']);
    await waitFor(() => handled.length === 3, { timeoutMs: 60_000, description: 'the valid records' });
    expect(handled).toEqual(['a', 'b', 'c']);
    const letters = await readTopicToEnd(setup.kafka, `${setup.topic}.dlq`);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.value).toBe('poison');
    expect(letters[0]?.headers).toMatchObject({
      'x-dlq-reason': 'Invalid currency amount',
      'x-dlq-error-code': 'RUNTIME_HANDLER_FAILED',
      'x-dlq-source-topic': setup.topic,
      'x-dlq-source-offset': '1',
      'x-dlq-attempts': '3',
    });
    expect(poisonAttempts).toBe(3);
    expect(probes).toBe(1);
    await waitFor(async () => (await committedOffset(setup.kafka, setup.groupId, setup.topic)) === 4n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
    expect(handle.health()).toEqual({ deadLetterBlocked: [], failingPositions: 0 });
  });

  it('batch mode: isolates the one record at fault among 20, dead-letters it and handles the 19 others once each', async () => {
    const setup = await setUp();
    const store = fakeStore();
    const values = Array.from({ length: 20 }, (_value, index) => `record-${index}`);
    const culprit = (value: string) => {
      if (value === 'record-7') throw new RangeError('Invalid time value');
    };
    let committedWhileRetrying = -1n;
    let culpritAlone = 0;
    let batchCalls = 0;
    const handle = await start(setup, {
      maxAttempts: 2,
      handleRecord: async (record) => {
        if (textOf(record) === 'record-7') {
          culpritAlone += 1;
          if (culpritAlone === 2) {
            committedWhileRetrying = await committedOffset(setup.kafka, setup.groupId, setup.topic);
          }
        }
        await store.transaction([record], culprit);
      },
      handleBatch: async (records) => {
        batchCalls += 1;
        await store.transaction(records, culprit);
      },
    });
    await produce(setup.kafka, setup.topic, values);
    await waitFor(() => store.committed.length >= 19, {
      timeoutMs: 60_000,
      description: 'the 19 valid records',
    });
    await waitFor(async () => (await committedOffset(setup.kafka, setup.groupId, setup.topic)) === 20n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
    expect(store.committed).toEqual(values.filter((value) => value !== 'record-7'));
    const letters = await readTopicToEnd(setup.kafka, `${setup.topic}.dlq`);
    expect(letters.map((letter) => letter.value)).toEqual(['record-7']);
    expect(letters[0]?.headers).toMatchObject({ 'x-dlq-source-offset': '7', 'x-dlq-attempts': '2' });
    // The records before the culprit were committed while it was being retried.
    expect(committedWhileRetrying).toBe(7n);
    expect(culpritAlone).toBe(2);
    expect(batchCalls).toBeGreaterThan(1);
    expect(
      metricValue(await setup.metrics.registry.metrics(), 'consumer_batch_splits_total'),
    ).toBeGreaterThan(0);
    expect(handle.health().failingPositions).toBe(0);
  });

  for (const mode of ['record', 'batch'] as const) {
    it(`${mode} mode: retries a transient outage of ~3 s without dead-lettering or committing anything, then handles every record`, async () => {
      const setup = await setUp();
      const store = fakeStore();
      let outageEndsAt: number | undefined;
      const outage = () => {
        outageEndsAt ??= Date.now() + 3_000;
        if (Date.now() < outageEndsAt) throw new RuntimeError('RUNTIME_STORE_UNAVAILABLE', 'database down');
      };
      const committedDuringOutage: bigint[] = [];
      await start(setup, {
        // Transient faults never count against maxAttempts.
        maxAttempts: 1,
        probe: () => Promise.reject(new Error('the probe is not for transient faults')),
        handleRecord: (record) => store.transaction([record], outage),
        ...(mode === 'batch' ? { handleBatch: (records) => store.transaction(records, outage) } : {}),
      });
      const values = ['v0', 'v1', 'v2', 'v3', 'v4'];
      await produce(setup.kafka, setup.topic, values);
      await waitFor(() => outageEndsAt !== undefined, {
        timeoutMs: 60_000,
        description: 'the first attempt',
      });
      while (Date.now() < (outageEndsAt ?? 0) - 200) {
        committedDuringOutage.push(await committedOffset(setup.kafka, setup.groupId, setup.topic));
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await waitFor(() => store.committed.length >= 5, {
        timeoutMs: 60_000,
        description: 'every record after the outage',
      });
      await waitFor(async () => (await committedOffset(setup.kafka, setup.groupId, setup.topic)) === 5n, {
        timeoutMs: 30_000,
        description: 'commit',
      });
      expect(store.committed).toEqual(values);
      expect(committedDuringOutage.length).toBeGreaterThan(2);
      expect(committedDuringOutage.every((offset) => offset === 0n)).toBe(true);
      expect(await readTopicToEnd(setup.kafka, `${setup.topic}.dlq`)).toEqual([]);
      const metrics = await setup.metrics.registry.metrics();
      expect(metricValue(metrics, 'consumer_records_retried_total', { topic: setup.topic })).toBeGreaterThan(
        2,
      );
    });
  }

  it('keeps retrying a record failing with an unknown error while the probe fails, and dead-letters it once the probe passes', async () => {
    const setup = await setUp();
    const handled: string[] = [];
    let storeHealthy = false;
    let failedProbes = 0;
    await start(setup, {
      maxAttempts: 2,
      probe: async () => {
        if (!storeHealthy) {
          failedProbes += 1;
          throw new Error('store ping failed');
        }
      },
      handleRecord: async (record) => {
        if (textOf(record) === 'stuck')
          throw new TypeError("Cannot read properties of undefined (reading 'rows')");
        handled.push(textOf(record));
      },
    });
    await produce(setup.kafka, setup.topic, ['before', 'stuck', 'after']);
    await waitFor(() => failedProbes >= 3, { timeoutMs: 60_000, description: 'three failed probes' });
    expect(await readTopicToEnd(setup.kafka, `${setup.topic}.dlq`)).toEqual([]);
    expect(handled).toEqual(['before']);
    expect(await committedOffset(setup.kafka, setup.groupId, setup.topic)).toBeLessThanOrEqual(1n);
    expect(
      metricValue(await setup.metrics.registry.metrics(), 'consumer_probe_failures_total', {
        topic: setup.topic,
      }),
    ).toBeGreaterThanOrEqual(3);
    storeHealthy = true;
    await waitFor(() => handled.length === 2, { timeoutMs: 60_000, description: 'the record behind it' });
    expect(handled).toEqual(['before', 'after']);
    const letters = await readTopicToEnd(setup.kafka, `${setup.topic}.dlq`);
    expect(letters.map((letter) => letter.value)).toEqual(['stuck']);
    expect(Number(letters[0]?.headers['x-dlq-attempts'])).toBeGreaterThanOrEqual(2 + 3);
  });

  it('pauses the partition while its dead-letter topic cannot be written, says so, and resumes by itself once it can', async () => {
    const setup = await setUp();
    const unwritable = `${setup.topic}.unwritable-dlq`;
    const admin = setup.kafka.admin();
    await admin.connect();
    cleanups.push(async () => {
      await admin.deleteTopics({ topics: [unwritable] }).catch(() => undefined);
      await admin.disconnect();
    });
    const handled: string[] = [];
    const handle = await start(setup, {
      deadLetter: { topicFor: () => unwritable },
      handleRecord: async (record) => {
        if (textOf(record) === 'bad') {
          throw Object.assign(new Error('the record breaks the contract'), {
            code: 'TEST_CONTRACT_VIOLATION',
            retryable: false,
          });
        }
        handled.push(textOf(record));
      },
    });
    const readiness = consumerReadiness(() => handle);
    await produce(setup.kafka, setup.topic, ['a', 'bad', 'b']);
    await waitFor(() => handle.health().deadLetterBlocked.length === 1, {
      timeoutMs: 60_000,
      description: 'the blocked partition',
    });
    const [blocked] = handle.health().deadLetterBlocked;
    expect(blocked).toMatchObject({ topic: setup.topic, offset: '1', deadLetterTopic: unwritable });
    expect(blocked?.error).not.toBe('');
    await expect(readiness.check()).rejects.toThrow(unwritable);
    const partition = String(blocked?.partition);
    expect(
      metricValue(await setup.metrics.registry.metrics(), 'consumer_dead_letter_blocked', {
        topic: setup.topic,
        partition,
      }),
    ).toBe(1);
    // Let a few write attempts fail: the partition stays on the record.
    await waitFor(() => (handle.health().deadLetterBlocked[0]?.writeAttempts ?? 0) >= 2, {
      timeoutMs: 60_000,
      description: 'retried writes',
    });
    expect(handled).toEqual(['a']);
    expect(await committedOffset(setup.kafka, setup.groupId, setup.topic)).toBeLessThanOrEqual(1n);

    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: unwritable, numPartitions: 1, replicationFactor: 1 }],
    });
    await waitFor(() => handled.length === 2, { timeoutMs: 60_000, description: 'the partition resumed' });
    expect(handled).toEqual(['a', 'b']);
    expect(handle.health().deadLetterBlocked).toEqual([]);
    await expect(readiness.check()).resolves.toBeUndefined();
    const letters = await readTopicToEnd(setup.kafka, unwritable);
    expect(letters.map((letter) => letter.value)).toEqual(['bad']);
    expect(letters[0]?.headers).toMatchObject({
      'x-dlq-error-code': 'TEST_CONTRACT_VIOLATION',
      'x-dlq-source-offset': '1',
      'x-dlq-attempts': '1',
    });
    expect(
      metricValue(await setup.metrics.registry.metrics(), 'consumer_dead_letter_blocked', {
        topic: setup.topic,
        partition,
      }),
    ).toBe(0);
    await waitFor(async () => (await committedOffset(setup.kafka, setup.groupId, setup.topic)) === 3n, {
      timeoutMs: 30_000,
      description: 'commit',
    });
  });
});
