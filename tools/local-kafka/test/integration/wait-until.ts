import { setTimeout as sleep } from 'node:timers/promises';

/** Polls a condition until it holds; fails with `description` at the deadline (no fixed sleeps in assertions). */
export async function waitUntil(
  condition: () => boolean,
  description: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${description}`);
    }
    await sleep(100);
  }
}
