/** What the runtime needs to know about any thrown value to decide between retry and dead letter. */
export interface ErrorClassification {
  retryable: boolean;
  code: string;
  message: string;
}

/**
 * Reads `retryable` (the project's typed errors) or `retriable` (kafkajs errors) from an error.
 * Errors that say neither count as retryable: an unknown fault (a store outage surfaced by a driver,
 * a bug) must not silently send a valid record to the dead-letter topic.
 */
export function classifyError(error: unknown): ErrorClassification {
  if (typeof error === 'object' && error !== null) {
    const record = error as { retryable?: unknown; retriable?: unknown; code?: unknown; message?: unknown };
    const message = typeof record.message === 'string' ? record.message : String(error);
    const code = typeof record.code === 'string' ? record.code : 'RUNTIME_HANDLER_FAILED';
    if (typeof record.retryable === 'boolean') return { retryable: record.retryable, code, message };
    if (typeof record.retriable === 'boolean') return { retryable: record.retriable, code, message };
    return { retryable: true, code, message };
  }
  return { retryable: true, code: 'RUNTIME_HANDLER_FAILED', message: String(error) };
}
