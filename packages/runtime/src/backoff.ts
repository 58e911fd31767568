/** Settings of exponential backoff. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attempt` (1-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so that instances retrying the same fault spread out.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const capped = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  return Math.round(capped / 2 + (capped / 2) * random());
}
