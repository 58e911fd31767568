const marker = Symbol.for('order-service.local-postgres.error');

/** Every way the local PostgreSQL tool can fail, each with whether trying again may help. */
export const localPostgresErrorCodes = {
  LOCAL_POSTGRES_BAD_CONFIG: { retryable: false },
  LOCAL_POSTGRES_BINARIES_MISSING: { retryable: false },
  LOCAL_POSTGRES_USER_MISSING: { retryable: false },
  LOCAL_POSTGRES_INITDB_FAILED: { retryable: false },
  LOCAL_POSTGRES_PORT_IN_USE: { retryable: true },
  LOCAL_POSTGRES_START_FAILED: { retryable: false },
  LOCAL_POSTGRES_UNREACHABLE: { retryable: true },
  LOCAL_POSTGRES_STOP_FAILED: { retryable: true },
  LOCAL_POSTGRES_LOCK_TIMEOUT: { retryable: true },
} as const;

export type LocalPostgresErrorCode = keyof typeof localPostgresErrorCodes;

/** A failure of the local PostgreSQL tool; the message says what to do about it. */
export class LocalPostgresError extends Error {
  readonly code: LocalPostgresErrorCode;
  readonly retryable: boolean;
  readonly [marker] = true;

  constructor(code: LocalPostgresErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalPostgresError';
    this.code = code;
    this.retryable = localPostgresErrorCodes[code].retryable;
  }

  /** True for a LocalPostgresError from any copy of this package (no `instanceof` across versions). */
  static isInstance(error: unknown): error is LocalPostgresError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
