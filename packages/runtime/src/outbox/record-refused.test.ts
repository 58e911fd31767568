import { describe, expect, it } from 'vitest';
import { recordRefusedType } from './record-refused.ts';

describe('recordRefusedType', () => {
  it('finds MESSAGE_TOO_LARGE through the cause chain kafkajs builds', () => {
    const protocol = Object.assign(new Error('larger than the max message size'), {
      type: 'MESSAGE_TOO_LARGE',
    });
    const wrapped = new Error('retries exceeded', { cause: new Error('non retriable', { cause: protocol }) });
    expect(recordRefusedType(wrapped)).toBe('MESSAGE_TOO_LARGE');
    expect(recordRefusedType(Object.assign(new Error('x'), { type: 'INVALID_RECORD' }))).toBe(
      'INVALID_RECORD',
    );
  });

  it('does not call an unreachable broker a refused record', () => {
    expect(recordRefusedType(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(
      recordRefusedType(Object.assign(new Error('x'), { type: 'NOT_LEADER_FOR_PARTITION' })),
    ).toBeUndefined();
    expect(recordRefusedType('text')).toBeUndefined();
  });
});
