import { waitFor as waitUntil } from '@order-service/test-support';

/**
 * Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`
 * with `description` and the last observed state: tests wait on conditions, never on fixed sleeps.
 */
export function waitFor<T>(
  description: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; describeState?: () => string } = {},
): Promise<T> {
  return waitUntil(check, { description, ...options });
}
