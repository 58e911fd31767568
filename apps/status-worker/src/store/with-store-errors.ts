import { classifyError, StoreError } from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';

/**
 * Runs a store operation and keeps the store's classification of a failure, in the app's codes:
 * - transient (connection lost, server restarting, read-only after a failover, statement or lock
 *   timeout, serialization race): a retryable STATUS_WORKER_STORE_FAILED, so the consumer retries
 *   without committing and the HTTP API answers 503;
 * - a value the store cannot hold (SQLSTATE class 22, 23 or 54, e.g. U+0000 in text or an index row
 *   too large): a non-retryable STATUS_WORKER_STORE_REJECTED, so the consumer dead-letters the
 *   record instead of retrying it forever and the HTTP API answers 422;
 * - anything else (the app's own errors, a rejected statement, an error nobody classified)
 *   passes through unchanged for the consumer runner to classify.
 * The messages never carry the driver's text; the cause does, for the logs.
 */
export async function withStoreErrors<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (StatusWorkerError.isInstance(error)) throw error;
    const { fault } = classifyError(error);
    if (fault === 'transient') {
      throw new StatusWorkerError(
        'STATUS_WORKER_STORE_FAILED',
        `The store failed while ${operation}; nothing was changed, try again.`,
        { cause: error },
      );
    }
    if (fault === 'record' && StoreError.isInstance(error) && /^(22|23|54)/.test(error.sqlState ?? '')) {
      throw new StatusWorkerError(
        'STATUS_WORKER_STORE_REJECTED',
        `The store refused a value while ${operation} (SQLSTATE ${error.sqlState}); nothing was changed.`,
        { cause: error, details: { sqlState: error.sqlState, constraint: error.constraint } },
      );
    }
    throw error;
  }
}
