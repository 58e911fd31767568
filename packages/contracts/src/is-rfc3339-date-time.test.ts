import { describe, expect, it } from 'vitest';
import { isRfc3339DateTime } from './is-rfc3339-date-time.ts';

describe('isRfc3339DateTime', () => {
  it.each([
    '2024-02-20T15:30:00Z',
    '2024-02-20t15:30:00z',
    '2024-02-20T15:30:00.1Z',
    '2024-02-20T15:30:00.123456789+03:00',
    '2024-02-20T15:30:00-05:30',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2024-12-31T23:59:60Z',
    '2024-12-31T20:59:60-03:00',
    '0000-01-01T00:00:00Z',
  ])('accepts %s', (value) => {
    expect(isRfc3339DateTime(value)).toBe(true);
  });

  it.each([
    ['no zone', '2024-02-20T15:30:00'],
    ['date only', '2024-02-20'],
    ['space separator', '2024-02-20 15:30:00Z'],
    ['29 February of a common year', '2023-02-29T00:00:00Z'],
    ['29 February of a century that is not a leap year', '1900-02-29T00:00:00Z'],
    ['31 April', '2024-04-31T00:00:00Z'],
    ['month 13', '2024-13-01T00:00:00Z'],
    ['month 0', '2024-00-01T00:00:00Z'],
    ['day 0', '2024-01-00T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['minute 60', '2024-01-01T23:60:00Z'],
    ['leap second not at 23:59:60 UTC', '2024-01-01T12:59:60Z'],
    ['empty fraction', '2024-01-01T00:00:00.Z'],
    ['offset without colon', '2024-01-01T00:00:00+0300'],
    ['offset hour 24', '2024-01-01T00:00:00+24:00'],
    ['trailing text', '2024-01-01T00:00:00Z '],
    ['two-digit year', '24-01-01T00:00:00Z'],
    ['RFC 9557 zone suffix', '2024-01-01T00:00:00Z[Europe/Moscow]'],
    ['empty string', ''],
    ['non-digits', '2024-0a-01T00:00:00Z'],
  ])('rejects %s', (_reason, value) => {
    expect(isRfc3339DateTime(value)).toBe(false);
  });
});
