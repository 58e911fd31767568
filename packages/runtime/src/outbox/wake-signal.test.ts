import { describe, expect, it } from 'vitest';
import { WakeSignal } from './wake-signal.ts';

describe('WakeSignal', () => {
  it('resolves soon after a notification, long before the poll timeout', async () => {
    const signal = new WakeSignal(5);
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a notification that arrived while nobody waited', async () => {
    const signal = new WakeSignal(0);
    signal.notify();
    const started = Date.now();
    await signal.wait(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('coalesces a burst of notifications into one wake-up', async () => {
    const signal = new WakeSignal(20);
    const waiting = signal.wait(10_000);
    for (let index = 0; index < 100; index += 1) signal.notify();
    await waiting;
    // The burst was absorbed by the first wait: the next one times out.
    const started = Date.now();
    await signal.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('times out when nothing happens', async () => {
    const signal = new WakeSignal(0);
    const started = Date.now();
    await signal.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
