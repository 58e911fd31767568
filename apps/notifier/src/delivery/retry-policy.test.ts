import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, hasAttemptsLeft, type RetryPolicy } from './retry-policy.ts';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 5_000 };

describe('retry policy', () => {
  it('doubles the ceiling of the wait after each failure', () => {
    const highest = () => 0.999_999;
    expect(computeRetryDelayMs(policy, 1, highest)).toBe(99);
    expect(computeRetryDelayMs(policy, 2, highest)).toBe(199);
    expect(computeRetryDelayMs(policy, 3, highest)).toBe(399);
  });

  it('never waits longer than the maximum, however many failures', () => {
    expect(computeRetryDelayMs(policy, 1_000, () => 0.999_999)).toBe(4_999);
  });

  it('draws the wait uniformly from zero up to the ceiling (full jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const delay = computeRetryDelayMs(policy, n, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1)));
        },
      ),
    );
    expect(computeRetryDelayMs(policy, 4, () => 0)).toBe(0);
  });

  it('allows exactly maxAttempts attempts', () => {
    expect(hasAttemptsLeft(policy, 4)).toBe(true);
    expect(hasAttemptsLeft(policy, 5)).toBe(false);
  });
});
