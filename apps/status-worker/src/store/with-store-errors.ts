import { StatusWorkerError } from '../errors.ts';

/**
 * Runs a store operation and turns any failure other than the app's own typed errors (connection
 * lost, server restarting, a statement rejected) into a retryable STATUS_WORKER_STORE_FAILED.
 * The records and requests that reach the store were already validated, so a store failure is
 * never their fault: the consumer retries them with backoff instead of dead-lettering a good
 * order, and the HTTP API answers 503 (try again) instead of 500.
 */
export async function withStoreErrors<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (StatusWorkerError.isInstance(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StatusWorkerError(
      'STATUS_WORKER_STORE_FAILED',
      `The store failed while ${operation}; nothing was changed, try again: ${reason}`,
      { cause: error },
    );
  }
}
