/** Options of {@link waitForReady}. */
export type WaitForReadyOptions = {
  timeoutMs?: number;
  /** Stops waiting early when the process has exited. */
  isAlive?: () => boolean;
  name?: string;
};

/**
 * Polls `<baseUrl>/ready` until it answers 200 (store and Kafka reachable), or throws once the
 * deadline passes or the process has died, naming the last answer it got.
 */
export async function waitForReady(baseUrl: string, options: WaitForReadyOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  const name = options.name ?? baseUrl;
  let lastAnswer = 'no answer yet';
  while (Date.now() < deadline) {
    if (options.isAlive && !options.isAlive()) {
      throw new Error(
        `${name} exited before it was ready (last answer from ${baseUrl}/ready: ${lastAnswer})`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return;
      lastAnswer = `${response.status} ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      lastAnswer = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${name} was not ready within the deadline (last answer from ${baseUrl}/ready: ${lastAnswer})`,
  );
}
