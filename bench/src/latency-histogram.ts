import * as hdr from 'hdr-histogram-js';

/** Percentiles of one latency distribution, in milliseconds. */
export type LatencySummary = {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
};

/** An HDR histogram of latencies, recorded in nanoseconds and kept at microsecond resolution. */
export type LatencyHistogram = {
  /** Records one latency; values below one microsecond count as one microsecond. */
  recordNanoseconds(latencyNs: bigint): void;
  summarize(): LatencySummary;
  reset(): void;
};

/** Creates an empty latency histogram (3 significant digits, up to one hour). */
export function createLatencyHistogram(): LatencyHistogram {
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const toMs = (microseconds: number) => Math.round(microseconds) / 1000;
  return {
    recordNanoseconds(latencyNs) {
      const microseconds = Number(latencyNs / 1000n);
      histogram.recordValue(Math.min(Math.max(microseconds, 1), 3_600_000_000));
    },
    summarize() {
      const count = histogram.totalCount;
      if (count === 0) return { count, p50: 0, p95: 0, p99: 0, p999: 0, max: 0 };
      return {
        count,
        p50: toMs(histogram.getValueAtPercentile(50)),
        p95: toMs(histogram.getValueAtPercentile(95)),
        p99: toMs(histogram.getValueAtPercentile(99)),
        p999: toMs(histogram.getValueAtPercentile(99.9)),
        max: toMs(histogram.maxValue),
      };
    },
    reset() {
      histogram.reset();
    },
  };
}
