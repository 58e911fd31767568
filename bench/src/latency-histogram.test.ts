import { describe, expect, it } from 'vitest';
import { createLatencyHistogram } from './latency-histogram.ts';

describe('createLatencyHistogram', () => {
  it('reports percentiles in milliseconds from nanosecond samples', () => {
    const histogram = createLatencyHistogram();
    for (let index = 1; index <= 1000; index += 1) histogram.recordNanoseconds(BigInt(index) * 1_000_000n);
    const summary = histogram.summarize();
    expect(summary.count).toBe(1000);
    expect(summary.p50).toBeCloseTo(500, -1);
    expect(summary.p99).toBeCloseTo(990, -1);
    expect(summary.max).toBeCloseTo(1000, -1);
  });

  it('answers zeros when nothing was recorded', () => {
    expect(createLatencyHistogram().summarize()).toEqual({
      count: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      p999: 0,
      max: 0,
    });
  });

  it('forgets every sample on reset', () => {
    const histogram = createLatencyHistogram();
    histogram.recordNanoseconds(5_000_000n);
    histogram.reset();
    expect(histogram.summarize().count).toBe(0);
  });
});
