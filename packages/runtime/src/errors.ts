import { defineErrorCatalog, type ErrorCode } from './errors/define-error-catalog.ts';
import { type ErrorFault, type ErrorViolation, ServiceError } from './errors/service-error.ts';

export {
  defineErrorCatalog,
  type ErrorCatalog,
  type ErrorCatalogEntry,
  type ErrorCatalogEntryInput,
  type ErrorCode,
} from './errors/define-error-catalog.ts';
export {
  type ErrorDefinition,
  type ErrorFault,
  type ErrorViolation,
  ServiceError,
  type ServiceErrorOptions,
} from './errors/service-error.ts';

/** Every error code the runtime raises, whether retrying may help, and when it happens. */
export const runtimeErrorCatalog = defineErrorCatalog('RUNTIME', {
  RUNTIME_CONFIG_INVALID: { retryable: false, description: 'An environment variable is missing or invalid.' },
  RUNTIME_STORE_UNAVAILABLE: {
    retryable: true,
    description:
      'The database cannot be reached or dropped the connection (network, SQLSTATE 08, 53, 57P, 58, 25P03/25P04).',
  },
  RUNTIME_STORE_CONFLICT: {
    retryable: true,
    description:
      'A transaction lost a serialization, deadlock or lock-wait race (40001, 40P01, 40003, 55P03, 55006).',
  },
  RUNTIME_STORE_TIMEOUT: {
    retryable: true,
    description: 'The database cancelled a statement (statement_timeout or a cancel request, 57014, 57000).',
  },
  RUNTIME_STORE_READ_ONLY: {
    retryable: true,
    description: 'The database accepts no writes right now (read-only after a failover, 25006).',
  },
  RUNTIME_STORE_MISCONFIGURED: {
    retryable: true,
    description:
      'The schema or the grants do not match the code (42: missing table or column, no privilege; 28, 3D000): every record would fail, so it is retried until an operator fixes the database.',
  },
  RUNTIME_STORE_QUERY_FAILED: {
    retryable: false,
    description:
      'The database refused the statement for what it carries (SQLSTATE 21, 22, 23, 27, 42, 44, 54, 40002): the record is at fault.',
  },
  RUNTIME_STORE_FAILED: {
    retryable: true,
    fault: 'unknown',
    description: 'The database failed in a way the runtime does not classify (another SQLSTATE, or none).',
  },
  RUNTIME_STORE_CLOSED: {
    retryable: true,
    description: 'The store was used after close() (shutting down); nothing was done, nothing is committed.',
  },
  RUNTIME_STORE_LOCKED: {
    retryable: false,
    description:
      'Another process holds the embedded store folder (DATA_DIR): only one process may open a PGlite folder.',
  },
  RUNTIME_MIGRATION_FAILED: { retryable: false, description: 'A schema migration failed to apply.' },
  RUNTIME_OUTBOX_MESSAGE_INVALID: { retryable: false, description: 'An outbox message is malformed.' },
  RUNTIME_KAFKA_UNAVAILABLE: { retryable: true, description: 'The Kafka cluster cannot be reached.' },
  RUNTIME_DEAD_LETTER_FAILED: {
    retryable: true,
    description: 'A record could not be written to its dead-letter topic.',
  },
  RUNTIME_HANDLER_FAILED: {
    retryable: true,
    fault: 'unknown',
    description: 'A record handler threw an error nobody classified.',
  },
  RUNTIME_SHUTDOWN_TIMEOUT: { retryable: false, description: 'Graceful shutdown took longer than allowed.' },
});

/** One of the runtime's error codes. */
export type RuntimeErrorCode = ErrorCode<typeof runtimeErrorCatalog>;

const runtimeErrorBrand = Symbol.for('@order-service/runtime.RuntimeError');

/** Options of {@link RuntimeError}. */
export interface RuntimeErrorOptions {
  cause?: unknown;
  /** Overrides the catalog's `retryable`. */
  retryable?: boolean;
  fault?: ErrorFault;
  violations?: readonly ErrorViolation[];
}

/** An error raised by the runtime: a `ServiceError` with a code of {@link runtimeErrorCatalog}. */
export class RuntimeError extends ServiceError {
  declare readonly code: RuntimeErrorCode;
  readonly [runtimeErrorBrand] = true;

  constructor(code: RuntimeErrorCode, message: string, options: RuntimeErrorOptions = {}) {
    super(runtimeErrorCatalog[code], message, options);
    this.name = 'RuntimeError';
  }

  /** True for runtime errors, also across copies of this package (no `instanceof`). */
  static override isInstance(value: unknown): value is RuntimeError {
    return typeof value === 'object' && value !== null && runtimeErrorBrand in value;
  }
}
