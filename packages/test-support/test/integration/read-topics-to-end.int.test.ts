import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestTopics, type TestTopics } from '../../src/kafka/create-test-topics.ts';
import { countOffsets, readTopicsToEnd, readTopicToEnd } from '../../src/kafka/read-topics-to-end.ts';
import { testKafka } from '../../src/kafka/test-kafka.ts';

const kafka = testKafka({ clientId: 'test-support-test' });
const opened: TestTopics[] = [];

afterEach(async () => {
  for (const topics of opened.splice(0)) await topics.remove();
});

describe('readTopicsToEnd', () => {
  it('reads a transactional topic to its end although markers take offsets', async () => {
    const topics = await createTestTopics(kafka, ['test-support.transactional']);
    opened.push(topics);
    const [topic = ''] = topics.names;
    const producer = kafka.producer({
      transactionalId: `test-support-${randomUUID()}`,
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    try {
      for (let batch = 0; batch < 3; batch++) {
        const transaction = await producer.transaction();
        await transaction.send({
          topic,
          messages: [0, 1].map((index) => ({
            key: `order-${batch}-${index}`,
            value: JSON.stringify({ batch, index }),
            headers: { 'x-event-id': `e-${batch}-${index}` },
          })),
        });
        await transaction.commit();
      }
    } finally {
      await producer.disconnect();
    }
    const records = await readTopicToEnd(kafka, topic, { timeoutMs: 60_000 });
    expect(records.map((record) => record.key).sort()).toEqual(
      ['order-0-0', 'order-0-1', 'order-1-0', 'order-1-1', 'order-2-0', 'order-2-1'].sort(),
    );
    expect(records[0]?.headers['x-event-id']).toMatch(/^e-/);
    // Markers: more offsets used than records.
    expect(await countOffsets(kafka, topic)).toBeGreaterThan(records.length);
  });

  it('returns no records for empty topics, and creates each topic with its .dlq', async () => {
    const topics = await createTestTopics(kafka, ['test-support.a', 'test-support.b']);
    opened.push(topics);
    const [a = '', b = ''] = topics.names;
    const read = await readTopicsToEnd(kafka, [a, `${b}.dlq`]);
    expect(read).toEqual({ [a]: [], [`${b}.dlq`]: [] });
  });
});
