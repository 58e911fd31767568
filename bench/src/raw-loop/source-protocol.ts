import type { LatencySummary } from '../latency-histogram.ts';

/** Header carrying a record's intended send time (process.hrtime.bigint(), CLOCK_MONOTONIC, same on every process of the machine). */
export const INTENDED_HEADER = 'x-bench-intended-ns';

/** What the driver asks the raw-loop source process to do. */
export type SourceCommand =
  | { type: 'run'; phase: string; mode: 'rate'; ratePerSecond: number; durationMs: number }
  | { type: 'run'; phase: string; mode: 'saturate'; durationMs: number; window: number; batchSize: number }
  | { type: 'consumed'; phase: string; count: number }
  | { type: 'close' };

/** What the source process reports back. */
export type SourceReport =
  | { type: 'ready' }
  | {
      type: 'finished';
      phase: string;
      sent: number;
      acknowledged: number;
      firstIntendedNs: string;
      acknowledgement: LatencySummary;
    }
  | { type: 'failed'; message: string };

/** Record keys are `<phase>:<index>`, so the sink tells phases apart. */
export function recordKey(phase: string, index: number): string {
  return `${phase}:${index}`;
}

/** The phase of a record key, or undefined for a key this benchmark did not write. */
export function phaseOfKey(key: string): string | undefined {
  const separator = key.lastIndexOf(':');
  return separator > 0 ? key.slice(0, separator) : undefined;
}
