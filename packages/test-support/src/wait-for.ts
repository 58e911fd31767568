/** Options of `waitFor`. */
export interface WaitForOptions {
  /** What is awaited, for the timeout message ("the relay to publish 3 records"). */
  description: string;
  /** Default 60 s: generous, the tests run on a busy 2-core machine. */
  timeoutMs?: number;
  /** Pause between two checks. Default 100 ms. */
  intervalMs?: number;
  /** Adds the observed state to the timeout message (what was read so far, the app's logs). */
  describeState?: () => string;
  /** Stops waiting at once (e.g. the app under test exited), failing with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Polls `condition` until it returns a value other than undefined/false and resolves with it, or
 * fails after the deadline saying what was awaited and the last error the condition threw (a check
 * that throws, such as a fetch to an app still starting, is polled again). Tests wait on
 * conditions, never on fixed sleeps.
 */
export async function waitFor<T>(
  condition: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitForOptions,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const value = await condition();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    options.signal?.throwIfAborted();
    if (Date.now() > deadline) {
      const state = options.describeState === undefined ? '' : ` (state: ${options.describeState()})`;
      const cause = lastError === undefined ? '' : ` (last error: ${describeError(lastError)})`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.description}${state}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
