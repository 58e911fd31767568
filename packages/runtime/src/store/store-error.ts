import { RuntimeError, type RuntimeErrorCode } from '../errors.ts';

/** A database failure, with the PostgreSQL SQLSTATE when the server reported one. */
export class StoreError extends RuntimeError {
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;

  constructor(
    code: RuntimeErrorCode,
    message: string,
    details: { cause?: unknown; sqlState?: string | undefined; constraint?: string | undefined } = {},
  ) {
    super(code, message, { cause: details.cause });
    this.name = 'StoreError';
    this.sqlState = details.sqlState;
    this.constraint = details.constraint;
  }
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
]);

/**
 * Wraps a driver error: connection loss, shutdown and resource exhaustion are retryable
 * (`RUNTIME_STORE_UNAVAILABLE`), serialization failures and deadlocks too (`RUNTIME_STORE_CONFLICT`),
 * anything else is a rejected statement (`RUNTIME_STORE_QUERY_FAILED`).
 */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const details = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    constraint?: unknown;
  };
  const code = typeof details.code === 'string' ? details.code : undefined;
  const message = typeof details.message === 'string' ? details.message : String(error);
  const constraint = typeof details.constraint === 'string' ? details.constraint : undefined;
  const isSqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  const sqlState = isSqlState ? code : undefined;
  const unavailable =
    (code !== undefined && connectionErrorCodes.has(code)) ||
    (sqlState !== undefined && /^(08|53|57P)/.test(sqlState)) ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
  if (unavailable) {
    return new StoreError('RUNTIME_STORE_UNAVAILABLE', `Database unavailable: ${message}`, {
      cause: error,
      sqlState,
    });
  }
  if (sqlState === '40001' || sqlState === '40P01') {
    return new StoreError('RUNTIME_STORE_CONFLICT', `Transaction conflict, retry it: ${message}`, {
      cause: error,
      sqlState,
    });
  }
  return new StoreError('RUNTIME_STORE_QUERY_FAILED', `Statement failed: ${message}`, {
    cause: error,
    sqlState,
    constraint,
  });
}
