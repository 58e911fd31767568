import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../../src/clean-up-after-each.ts';
import {
  committedOffset,
  groupLag,
  waitForGroupCaughtUp,
  waitForGroupStable,
} from '../../src/kafka/consumer-groups.ts';
import { createTestTopics } from '../../src/kafka/create-test-topics.ts';
import { produceRecords } from '../../src/kafka/produce-records.ts';
import { readTopicToEnd } from '../../src/kafka/read-topics-to-end.ts';
import { testKafka } from '../../src/kafka/test-kafka.ts';
import { startTopicRecorder } from '../../src/kafka/topic-recorder.ts';
import { waitFor } from '../../src/wait-for.ts';

const kafka = testKafka({ clientId: 'test-support-test' });
const cleanups = cleanUpAfterEach();

async function topic(base: string, options: { partitions?: number } = {}): Promise<string> {
  const topics = await createTestTopics(kafka, [base], options);
  cleanups.push(topics.remove);
  return topics.names[0] as string;
}

describe('createTestTopics', () => {
  it('creates each topic with its .dlq and the partitions asked for; remove deletes them', async () => {
    const topics = await createTestTopics(kafka, ['test-support.created'], { partitions: 2 });
    const [name = ''] = topics.names;
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics: [name, `${name}.dlq`] });
      expect(described.map((entry) => entry.partitions.length)).toEqual([2, 2]);
      await topics.remove();
      await topics.remove(); // Once: a second call does nothing.
      await waitFor(async () => (await admin.listTopics()).every((listed) => !listed.startsWith(name)), {
        description: `${name} and ${name}.dlq to be deleted`,
        timeoutMs: 30_000,
      });
    } finally {
      await admin.disconnect();
    }
  });
});

describe('produceRecords and startTopicRecorder', () => {
  it('produces in batches through a client or a producer, and the recorder reads every record once', async () => {
    const name = await topic('test-support.produced');
    const recorder = await startTopicRecorder(kafka, name);
    cleanups.push(() => recorder.stop());
    const records = Array.from({ length: 7 }, (_value, index) => ({
      key: 'same-key',
      value: `value-${index}`,
      headers: { 'x-event-id': `e-${index}` },
    }));
    await produceRecords(kafka, name, records.slice(0, 5), { batchSize: 2 });
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    try {
      await produceRecords(producer, name, records.slice(5));
    } finally {
      await producer.disconnect();
    }
    const read = await readTopicToEnd(kafka, name);
    expect(read.map((record) => record.value)).toEqual(records.map((record) => record.value));
    await waitFor(() => recorder.records.length >= 7, { description: 'the recorder to read 7 records' });
    expect(
      recorder.records.map((record) => [record.key, record.value, record.headers['x-event-id']]),
    ).toEqual(records.map((record) => [record.key, record.value, record.headers['x-event-id']]));
  });
});

describe('consumer groups', () => {
  it('tells a stable group, its committed offsets and its lag until it caught up', async () => {
    const name = await topic('test-support.group', { partitions: 2 });
    await produceRecords(kafka, name, [
      { key: 'a', value: '1', partition: 0 },
      { key: 'b', value: '2', partition: 0 },
      { key: 'c', value: '3', partition: 1 },
    ]);
    const groupId = `test-support-group-${randomUUID()}`;
    expect(await groupLag(kafka, groupId, [name])).toEqual([
      { topic: name, partition: 0, committed: -1n, end: 2n, lag: 2n },
      { topic: name, partition: 1, committed: -1n, end: 1n, lag: 1n },
    ]);
    expect(await committedOffset(kafka, groupId, name, 0)).toBe(-1n);
    expect(await committedOffset(kafka, groupId, name)).toBe(0n);

    const consumer = kafka.consumer({ groupId });
    cleanups.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topics: [name], fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    const group = await waitForGroupStable(kafka, groupId, { members: 1 });
    expect(group.members).toHaveLength(1);
    await waitForGroupCaughtUp(kafka, groupId, [name], { timeoutMs: 60_000 });
    expect(await groupLag(kafka, groupId, [name])).toEqual([]);
    expect(await committedOffset(kafka, groupId, name, 0)).toBe(2n);
    expect(await committedOffset(kafka, groupId, name)).toBe(3n);
  });
});
