import { describe, expect, it } from 'vitest';
import { toDeadLetter } from './dead-letter.ts';
import { matchesFilter } from './dead-letter-filter.ts';
import { originalHeaders, planReplay } from './replay-dead-letters.ts';

const headers = {
  'content-type': Buffer.from('application/json'),
  'x-event-id': Buffer.from('e-1'),
  'x-dlq-reason': Buffer.from('bad'),
  'x-dlq-error-code': Buffer.from('CONTRACT_SCHEMA_VIOLATION'),
  'x-dlq-source-topic': Buffer.from('orders.created'),
  'x-dlq-source-partition': Buffer.from('2'),
  'x-dlq-source-offset': Buffer.from('17'),
  'x-dlq-attempts': Buffer.from('1'),
};
const deadLetter = toDeadLetter('orders.created.dlq', 0, {
  key: Buffer.from('o-1'),
  value: Buffer.from('{}'),
  timestamp: String(Date.parse('2026-12-01T10:00:00Z')),
  attributes: 0,
  offset: '5',
  headers,
});

describe('dead letters', () => {
  it('reads where a record came from and why it failed', () => {
    expect(deadLetter).toMatchObject({
      sourceTopic: 'orders.created',
      sourcePartition: 2,
      sourceOffset: '17',
      errorCode: 'CONTRACT_SCHEMA_VIOLATION',
      reason: 'bad',
      attempts: 1,
    });
  });

  it('keeps the original headers and drops every x-dlq-* one for a replay', () => {
    expect(Object.keys(originalHeaders(deadLetter.headers))).toEqual(['content-type', 'x-event-id']);
  });

  it('replays onto the source topic and partition, and skips a record that does not say its source', () => {
    expect(planReplay(deadLetter, false)).toMatchObject({
      kind: 'replayed',
      topic: 'orders.created',
      partition: 2,
    });
    expect(planReplay(deadLetter, true)).toMatchObject({ kind: 'would-replay' });
    const anonymous = toDeadLetter('orders.created.dlq', 0, {
      key: null,
      value: null,
      timestamp: '0',
      attributes: 0,
      offset: '6',
      headers: {},
    });
    expect(anonymous.sourceTopic).toBe('orders.created');
    expect(planReplay(anonymous, false)).toMatchObject({ kind: 'skipped' });
  });

  it('filters by source topic, error code and a half-open time range', () => {
    const none = { topics: [], codes: [] };
    expect(matchesFilter(deadLetter, none)).toBe(true);
    expect(matchesFilter(deadLetter, { ...none, topics: ['orders.status'] })).toBe(false);
    expect(matchesFilter(deadLetter, { ...none, codes: ['CONTRACT_SCHEMA_VIOLATION'] })).toBe(true);
    expect(matchesFilter(deadLetter, { ...none, codes: ['OTHER'] })).toBe(false);
    expect(matchesFilter(deadLetter, { ...none, since: new Date('2026-12-01T10:00:00Z') })).toBe(true);
    expect(matchesFilter(deadLetter, { ...none, until: new Date('2026-12-01T10:00:00Z') })).toBe(false);
  });
});
