import type { IHeaders, KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { toReadRecord } from './read-record.ts';

function message(fields: { key?: Buffer; value?: Buffer; headers?: IHeaders }): KafkaMessage {
  return { key: null, value: null, timestamp: '0', attributes: 0, offset: '7', headers: {}, ...fields };
}

describe('toReadRecord', () => {
  it('reads key, value and headers as text', () => {
    const record = toReadRecord(
      'orders',
      2,
      message({
        key: Buffer.from('o-1'),
        value: Buffer.from('{"a":1}'),
        headers: {
          'x-event-id': Buffer.from('e-1'),
          repeated: [Buffer.from('first'), Buffer.from('second')],
        },
      }),
    );
    expect(record).toEqual({
      topic: 'orders',
      partition: 2,
      offset: '7',
      key: 'o-1',
      value: '{"a":1}',
      headers: { 'x-event-id': 'e-1', repeated: 'first' },
    });
  });

  it('keeps a null key and a tombstone value as null', () => {
    expect(toReadRecord('t', 0, message({}))).toMatchObject({ key: null, value: null, headers: {} });
  });
});
