import { createLatencyHistogram, type LatencySummary } from './latency-histogram.ts';

/** What one measured phase saw come out of the end of the system under test. */
export type ConsumedSummary = {
  consumed: number;
  duplicates: number;
  /** Seconds from the phase's first intended send to its last consumed record. */
  elapsedSeconds: number;
  endToEnd: LatencySummary;
};

/** Counts and times the records of one phase as the sink consumes them. */
export type PhaseTracker = {
  readonly phase: string;
  /** Records one consumed record; a second sight of the same id counts as a duplicate only. */
  recordConsumed(id: string, intendedNs: bigint, receivedNs: bigint): void;
  consumedCount(): number;
  /** Resolves when at least `count` records were consumed, or after `timeoutMs` (false). */
  waitForConsumed(count: number, timeoutMs: number): Promise<boolean>;
  /** Calls `listener` after every consumed record (used for end-to-end windows). */
  onProgress(listener: (consumed: number) => void): void;
  summarize(firstIntendedNs: bigint): ConsumedSummary;
};

/** Creates the tracker of one phase. */
export function createPhaseTracker(phase: string): PhaseTracker {
  const histogram = createLatencyHistogram();
  const seen = new Set<string>();
  const listeners: ((consumed: number) => void)[] = [];
  let duplicates = 0;
  let lastConsumedNs = 0n;
  return {
    phase,
    recordConsumed(id, intendedNs, receivedNs) {
      if (seen.has(id)) {
        duplicates += 1;
        return;
      }
      seen.add(id);
      histogram.recordNanoseconds(receivedNs - intendedNs);
      if (receivedNs > lastConsumedNs) lastConsumedNs = receivedNs;
      for (const listener of listeners) listener(seen.size);
    },
    consumedCount: () => seen.size,
    waitForConsumed(count, timeoutMs) {
      if (seen.size >= count) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(seen.size >= count), timeoutMs);
        listeners.push((consumed) => {
          if (consumed >= count) {
            clearTimeout(timer);
            resolve(true);
          }
        });
      });
    },
    onProgress(listener) {
      listeners.push(listener);
    },
    summarize(firstIntendedNs) {
      const elapsedNs = lastConsumedNs > firstIntendedNs ? lastConsumedNs - firstIntendedNs : 0n;
      return {
        consumed: seen.size,
        duplicates,
        elapsedSeconds: Number(elapsedNs) / 1e9,
        endToEnd: histogram.summarize(),
      };
    },
  };
}
