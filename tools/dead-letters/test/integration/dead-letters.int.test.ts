import { randomUUID } from 'node:crypto';
import { DEAD_LETTER_HEADERS } from '@order-service/runtime';
import {
  createTestTopics,
  produceRecords,
  readTopicToEnd,
  type TestTopics,
  testBrokers,
  testKafka,
} from '@order-service/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/parse-arguments.ts';
import { runDeadLettersCommand } from '../../src/run-dead-letters-command.ts';

const brokers = testBrokers();
const kafka = testKafka({ clientId: 'dead-letters-test' });
let topics: TestTopics;
let created: string;
let status: string;

// A value that is not valid UTF-8 (a lone surrogate's bytes): replay must carry the bytes, not a decoding.
const rawValue = Buffer.concat([
  Buffer.from('{"order_id":"'),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from('"}'),
]);
// In the past: the broker refuses timestamps more than an hour ahead of its clock.
const HOUR = 3_600_000;
const DAY2 = Math.floor(Date.now() / HOUR) * HOUR - 24 * HOUR;
const DAY1 = DAY2 - 24 * HOUR;
const BETWEEN = new Date(DAY2 - 12 * HOUR).toISOString();
const AFTER = new Date(DAY2 + 12 * HOUR).toISOString();

function deadLetterRecord(options: {
  source: string;
  partition: number;
  offset: number;
  code: string;
  eventId: string;
  timestamp: number;
  value?: Buffer;
}) {
  return {
    key: `order-${options.eventId}`,
    value: options.value ?? Buffer.from(JSON.stringify({ order_id: `order-${options.eventId}` })),
    partition: options.partition,
    timestamp: String(options.timestamp),
    headers: {
      'content-type': 'application/json',
      'x-message-name': 'OrderCreated',
      'x-event-id': options.eventId,
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      [DEAD_LETTER_HEADERS.reason]: `failed with ${options.code}`,
      [DEAD_LETTER_HEADERS.errorCode]: options.code,
      [DEAD_LETTER_HEADERS.sourceTopic]: options.source,
      [DEAD_LETTER_HEADERS.sourcePartition]: String(options.partition),
      [DEAD_LETTER_HEADERS.sourceOffset]: String(options.offset),
      [DEAD_LETTER_HEADERS.attempts]: '3',
    },
  };
}

async function run(argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  const code = await runDeadLettersCommand(parseArguments(argv), {
    defaultBrokers: brokers,
    print: (line) => lines.push(...line.split('\n')),
  });
  expect(code).toBe(0);
  return lines;
}

beforeAll(async () => {
  topics = await createTestTopics(kafka, ['orders.created', 'orders.status']);
  [created, status] = topics.names as [string, string];
  await produceRecords(kafka, `${created}.dlq`, [
    deadLetterRecord({
      source: created,
      partition: 1,
      offset: 10,
      code: 'CONTRACT_SCHEMA_VIOLATION',
      eventId: 'e-1',
      timestamp: DAY1,
    }),
    deadLetterRecord({
      source: created,
      partition: 2,
      offset: 11,
      code: 'CONTRACT_UNSUPPORTED_VALUE',
      eventId: 'e-2',
      timestamp: DAY1,
      value: rawValue,
    }),
    deadLetterRecord({
      source: created,
      partition: 1,
      offset: 12,
      code: 'CONTRACT_SCHEMA_VIOLATION',
      eventId: 'e-3',
      timestamp: DAY2,
    }),
  ]);
  await produceRecords(kafka, `${status}.dlq`, [
    deadLetterRecord({
      source: status,
      partition: 0,
      offset: 4,
      code: 'CONTRACT_SCHEMA_VIOLATION',
      eventId: 'e-4',
      timestamp: DAY1,
    }),
  ]);
});

afterAll(async () => {
  await topics?.remove();
});

describe('dead-letters CLI on a real broker', () => {
  it('lists by source topic, error code and time range, and stops by itself at the end', async () => {
    const all = await run(['list', '--topic', created, '--topic', status]);
    expect(all.at(-1)).toBe(
      `dead letters: 4 selected of 4 read on 2 topic(s): ${created}.dlq, ${status}.dlq`,
    );

    const byCode = await run(['list', '--topic', created, '--code', 'CONTRACT_SCHEMA_VIOLATION']);
    expect(byCode).toHaveLength(3);
    expect(byCode[0]).toContain(`source=${created}[1]@10`);
    expect(byCode[0]).toContain('CONTRACT_SCHEMA_VIOLATION');
    expect(byCode.at(-1)).toMatch(/^dead letters: 2 selected of 3 read/);

    const byTime = await run(['list', '--topic', created, '--since', BETWEEN, '--until', AFTER]);
    expect(byTime).toHaveLength(2);
    expect(byTime[0]).toContain(`source=${created}[1]@12`);
  });

  it('shows one record with its key, headers, reason and value', async () => {
    const listed = await run(['list', '--topic', created, '--code', 'CONTRACT_UNSUPPORTED_VALUE']);
    const [dlq, partition, offset] = /^(\S+)\[(\d+)\]@(\d+) /.exec(listed[0] ?? '')?.slice(1) ?? [];
    const shown = await run(['show', dlq ?? '', partition ?? '', offset ?? '']);
    expect(shown).toContain('error code: CONTRACT_UNSUPPORTED_VALUE');
    expect(shown).toContain('reason:     failed with CONTRACT_UNSUPPORTED_VALUE');
    expect(shown).toContain('key:        "order-e-2"');
    expect(shown).toContain('  x-event-id: e-2');
    expect(shown).toContain(`value (${rawValue.length} bytes, not UTF-8, base64):`);
    expect(shown.at(-1)).toBe(rawValue.toString('base64'));
  });

  it('produces nothing on a dry run, then replays onto the source with the original key, value and headers', async () => {
    const dry = await run(['replay', '--topic', created, '--until', BETWEEN, '--dry-run']);
    expect(dry.at(-1)).toBe(
      'replay (dry run, nothing produced): selected 2 of 3 read, would replay 2, would skip 0',
    );
    expect(await readTopicToEnd(kafka, created)).toEqual([]);

    const replayed = await run(['replay', '--topic', created, '--until', BETWEEN]);
    expect(replayed.filter((line) => line.startsWith('replayed '))).toHaveLength(2);
    expect(replayed[0]).toContain(`-> ${created}[1] key="order-e-1" event=e-1`);
    expect(replayed.at(-1)).toBe('replay: selected 2 of 3 read, replayed 2, skipped 0');

    const arrived = await readTopicToEnd(kafka, created);
    expect(
      arrived.map((record) => [record.partition, record.key, record.headers['x-event-id']]).sort(),
    ).toEqual([
      [1, 'order-e-1', 'e-1'],
      [2, 'order-e-2', 'e-2'],
    ]);
    for (const record of arrived) {
      expect(record.headers).toEqual({
        'content-type': 'application/json',
        'x-message-name': 'OrderCreated',
        'x-event-id': record.headers['x-event-id'],
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      });
      expect(Object.keys(record.headers).some((name) => name.startsWith('x-dlq-'))).toBe(false);
    }
    // The raw bytes, not a re-encoding: read the replayed record as a Buffer.
    const consumer = kafka.consumer({ groupId: `dead-letters-test-${randomUUID()}` });
    const values: Buffer[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: created, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.value) values.push(message.value);
          if (values.length === 2) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(values.some((value) => value.equals(rawValue))).toBe(true);
    // The orders.status dead letter was not selected, so its source topic stays empty.
    expect(await readTopicToEnd(kafka, status)).toEqual([]);
  });
});
