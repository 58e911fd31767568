import type { SendSummary } from './send-orders.ts';

/**
 * Writes a progress line to stderr at most once per `intervalMs` (so small inputs print nothing
 * and large ones show how far they got), with a percentage when the input size is known.
 */
export function createProgressReporter(options: {
  write: (text: string) => void;
  totalBytes?: number | undefined;
  bytesRead?: () => number;
  intervalMs?: number;
  now?: () => number;
}): { update: (summary: SendSummary) => void } {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 1_000;
  const started = now();
  let last = started;
  return {
    update: (summary) => {
      const current = now();
      if (current - last < intervalMs) return;
      last = current;
      const processed = summary.accepted + summary.duplicates + summary.rejected;
      const rate = Math.round(processed / Math.max((current - started) / 1_000, 0.001));
      const percent =
        options.totalBytes !== undefined && options.totalBytes > 0 && options.bytesRead !== undefined
          ? ` ${Math.min(100, Math.floor((options.bytesRead() / options.totalBytes) * 100))}%`
          : '';
      options.write(
        `progress:${percent} ${processed} orders (${summary.accepted} accepted, ${summary.duplicates} duplicates, ${summary.rejected} rejected), ${rate}/s\n`,
      );
    },
  };
}
