import { describe, expect, it } from 'vitest';
import { decodeNotification } from './messages.ts';
import { describeValue } from './to-violations.ts';

describe('violation messages', () => {
  it('shortens long values and summarises objects and arrays', () => {
    expect(describeValue('x'.repeat(200))).toHaveLength(80);
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
  });

  it('says what each notification field expects', () => {
    const result = decodeNotification({
      notification_id: 'abc',
      order_id: '1',
      customer_id: 'c',
      status: 'NEW',
      channel: 'pigeon',
      locale: 'Russian',
      title: '',
      text: 'x',
      total_amount: 1,
      created_at: '2024-02-20T15:30:00Z',
    });
    expect(
      result.ok || result.error.violations.map((violation) => `${violation.path} ${violation.message}`),
    ).toEqual([
      '/notification_id must be a UUID, e.g. 9b2f1e3c-4d5a-5b6c-8d7e-0f1a2b3c4d5e, got "abc"',
      '/channel must be one of webhook, email, sms, push, got "pigeon"',
      '/locale must match the pattern ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$, got "Russian"',
      '/title must have at least 1 character, got ""',
    ]);
  });
});
