/** How often and how patiently a delivery is retried. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Upper bound of the wait after the first failure. */
  baseDelayMs: number;
  /** No wait is ever longer than this. */
  maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter: after failed attempt n (1-based) wait a uniformly random
 * time in [0, min(max, base * 2^(n-1))]. The randomness spreads the retries of many deliveries
 * that failed together (a receiver that was down), so they do not all hit it again at once.
 */
export function computeRetryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2 ** exponent grows past any sane cap quickly; min() keeps the product finite and bounded.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 52));
  return Math.floor(random() * ceiling);
}

/** Whether another attempt is allowed after `failedAttempts` failures of a retryable kind. */
export function hasAttemptsLeft(policy: RetryPolicy, failedAttempts: number): boolean {
  return failedAttempts < policy.maxAttempts;
}
