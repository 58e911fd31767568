import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

const options = { initialMs: 100, maxMs: 5_000 };

describe('backoffDelay', () => {
  it('doubles with each attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(1_000, options, () => 1)).toBe(5_000);
  });

  it('keeps at least half of the delay when jittering', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(200);
  });
});
