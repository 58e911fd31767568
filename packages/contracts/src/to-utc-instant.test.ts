import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfc3339DateTime } from './test-support/arbitraries.ts';
import { toUtcInstant } from './to-utc-instant.ts';

describe('toUtcInstant', () => {
  it('applies offsets of any size the format allows', () => {
    expect(toUtcInstant('2024-02-20T15:30:00+03:00').toISOString()).toBe('2024-02-20T12:30:00.000Z');
    expect(toUtcInstant('2024-02-20T00:00:00+23:59').toISOString()).toBe('2024-02-19T00:01:00.000Z');
    expect(toUtcInstant('2024-02-20T23:00:00-23:59').toISOString()).toBe('2024-02-21T22:59:00.000Z');
  });

  it('clamps a leap second into the millisecond before the next minute', () => {
    expect(toUtcInstant('2016-12-31T23:59:60Z').toISOString()).toBe('2016-12-31T23:59:59.999Z');
    expect(toUtcInstant('2017-01-01T02:59:60.5+03:00').toISOString()).toBe('2016-12-31T23:59:59.999Z');
  });

  it('truncates fractions of any length to milliseconds and reads lower-case t and z', () => {
    expect(toUtcInstant('2024-02-20t15:30:00.1z').toISOString()).toBe('2024-02-20T15:30:00.100Z');
    expect(toUtcInstant(`2024-02-20T15:30:00.98765${'9'.repeat(10_000)}Z`).toISOString()).toBe(
      '2024-02-20T15:30:00.987Z',
    );
  });

  it('reads years 0000-0099 as themselves (year 0 is 1 BC), not as 19xx', () => {
    expect(toUtcInstant('0000-03-01T00:00:00Z').getUTCFullYear()).toBe(0);
    expect(toUtcInstant('0050-01-01T00:00:00Z').toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });

  it('agrees with Date.parse wherever Date.parse reads the string', () => {
    fc.assert(
      fc.property(rfc3339DateTime, (value) => {
        const parsed = Date.parse(value.toUpperCase());
        if (!Number.isNaN(parsed)) expect(toUtcInstant(value).getTime()).toBe(parsed);
      }),
    );
  });

  it('throws a RangeError for a string that is not RFC 3339', () => {
    expect(() => toUtcInstant('2024-02-30T00:00:00Z')).toThrow(RangeError);
  });
});
