import { describe, expect, it } from 'vitest';
import { createPhaseTracker } from './phase-tracker.ts';

describe('createPhaseTracker', () => {
  it('counts a redelivered record as a duplicate, not as a second consumed record', () => {
    const tracker = createPhaseTracker('p1');
    tracker.recordConsumed('a', 0n, 5_000_000n);
    tracker.recordConsumed('a', 0n, 9_000_000n);
    tracker.recordConsumed('b', 1_000_000n, 3_000_000n);
    const summary = tracker.summarize(0n);
    expect(summary.consumed).toBe(2);
    expect(summary.duplicates).toBe(1);
    expect(summary.elapsedSeconds).toBeCloseTo(0.005, 6);
    expect(summary.endToEnd.max).toBeCloseTo(5, 1);
  });

  it('measures latency from the intended send time, not from when the record was sent', () => {
    const tracker = createPhaseTracker('p1');
    tracker.recordConsumed('late', 0n, 250_000_000n);
    expect(tracker.summarize(0n).endToEnd.p50).toBeCloseTo(250, 0);
  });

  it('resolves a wait once enough records arrived, and answers false when the deadline passes first', async () => {
    const tracker = createPhaseTracker('p1');
    const reached = tracker.waitForConsumed(2, 5_000);
    tracker.recordConsumed('a', 0n, 1n);
    tracker.recordConsumed('b', 0n, 1n);
    await expect(reached).resolves.toBe(true);
    await expect(tracker.waitForConsumed(3, 20)).resolves.toBe(false);
  });
});
