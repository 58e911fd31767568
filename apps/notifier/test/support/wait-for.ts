import { waitFor as waitUntil } from '@order-service/test-support';

/**
 * Polls `condition` until it returns a value other than undefined/false, or fails after the
 * deadline with `description` and the last error seen. Tests wait on conditions, never on sleeps.
 */
export function waitFor<T>(
  description: string,
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  return waitUntil(condition, { description, ...options });
}
