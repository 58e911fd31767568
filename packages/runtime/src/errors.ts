/** Every error code the runtime raises, whether retrying may help, and when it happens. */
export const runtimeErrorCatalog = {
  RUNTIME_CONFIG_INVALID: { retryable: false, description: 'An environment variable is missing or invalid.' },
  RUNTIME_STORE_UNAVAILABLE: { retryable: true, description: 'The database cannot be reached right now.' },
  RUNTIME_STORE_CONFLICT: {
    retryable: true,
    description: 'A transaction lost a serialization or deadlock race.',
  },
  RUNTIME_STORE_QUERY_FAILED: { retryable: false, description: 'The database rejected a statement.' },
  RUNTIME_STORE_CLOSED: { retryable: false, description: 'The store was used after close().' },
  RUNTIME_MIGRATION_FAILED: { retryable: false, description: 'A schema migration failed to apply.' },
  RUNTIME_OUTBOX_MESSAGE_INVALID: { retryable: false, description: 'An outbox message is malformed.' },
  RUNTIME_KAFKA_UNAVAILABLE: { retryable: true, description: 'The Kafka cluster cannot be reached.' },
  RUNTIME_DEAD_LETTER_FAILED: {
    retryable: true,
    description: 'A record could not be written to its dead-letter topic.',
  },
  RUNTIME_HANDLER_FAILED: { retryable: true, description: 'A record handler threw an unclassified error.' },
  RUNTIME_SHUTDOWN_TIMEOUT: { retryable: false, description: 'Graceful shutdown took longer than allowed.' },
} as const satisfies Record<string, { retryable: boolean; description: string }>;

/** One of the runtime's error codes. */
export type RuntimeErrorCode = keyof typeof runtimeErrorCatalog;

const runtimeErrorMarker = Symbol.for('@order-service/runtime.RuntimeError');

/** An error raised by the runtime: a stable `code`, and whether the operation may be retried. */
export class RuntimeError extends Error {
  readonly code: RuntimeErrorCode;
  readonly retryable: boolean;
  readonly [runtimeErrorMarker] = true;

  constructor(
    code: RuntimeErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RuntimeError';
    this.code = code;
    this.retryable = options.retryable ?? runtimeErrorCatalog[code].retryable;
  }

  /** True for runtime errors, also across copies of this package (no `instanceof`). */
  static isInstance(value: unknown): value is RuntimeError {
    return typeof value === 'object' && value !== null && runtimeErrorMarker in value;
  }
}
