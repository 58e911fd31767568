import {
  defineErrorCatalog,
  type ErrorCode,
  type ErrorViolation,
  ServiceError,
} from '@order-service/runtime';

/**
 * The status-worker's error catalog: every failure the app raises on purpose has one code, says
 * whether doing the same thing again may succeed (`retryable`) and, for the HTTP API, its status.
 * The consumer runner reads the fault that follows from `retryable` to choose between
 * retry-with-backoff and the dead-letter topic.
 */
export const STATUS_WORKER_ERRORS = defineErrorCatalog('STATUS_WORKER', {
  STATUS_WORKER_ORDER_UNDECODABLE: {
    retryable: false,
    httpStatus: 422,
    description:
      'A record on orders.created is not JSON or breaks the Order wire schema; it goes to the DLQ.',
  },
  STATUS_WORKER_DUPLICATE_ORDER_CONFLICT: {
    retryable: false,
    httpStatus: 409,
    description:
      'An order_id arrived again with different content; the copy goes to the DLQ, the first one stands.',
  },
  STATUS_WORKER_ORDER_NOT_FOUND: {
    retryable: false,
    httpStatus: 404,
    description: 'No order with this order_id has been received from orders.created.',
  },
  STATUS_WORKER_TRANSITION_FORBIDDEN: {
    retryable: false,
    httpStatus: 409,
    description: 'The lifecycle does not allow the requested status from the current one.',
  },
  STATUS_WORKER_CONCURRENT_UPDATE: {
    retryable: true,
    httpStatus: 503,
    description: 'The order changed between reading and writing it; repeat the request.',
  },
  STATUS_WORKER_STORE_FAILED: {
    retryable: true,
    httpStatus: 503,
    description: 'The store failed or was unreachable for a while; nothing was changed, repeat later.',
  },
  STATUS_WORKER_STORE_REJECTED: {
    retryable: false,
    httpStatus: 422,
    description:
      'The store refused a value of the record or request (SQLSTATE class 22, 23 or 54, e.g. U+0000 in text); a record goes to the DLQ.',
  },
});

/** One of the status-worker's error codes. */
export type StatusWorkerErrorCode = ErrorCode<typeof STATUS_WORKER_ERRORS>;

/** One problem behind an error, in the shape of the shared HTTP error body. */
export type { ErrorViolation };

/** Options of {@link StatusWorkerError}: data for logs, violations for HTTP bodies, and the cause. */
export interface StatusWorkerErrorOptions {
  details?: Record<string, unknown>;
  violations?: readonly ErrorViolation[];
  cause?: unknown;
}

const brand = Symbol.for('order-service.status-worker.error');

/** An error of the status-worker: a ServiceError with a code of {@link STATUS_WORKER_ERRORS}. */
export class StatusWorkerError extends ServiceError {
  declare readonly code: StatusWorkerErrorCode;
  declare readonly httpStatus: number;
  readonly details: Record<string, unknown>;
  readonly [brand] = true;

  constructor(code: StatusWorkerErrorCode, message: string, options: StatusWorkerErrorOptions = {}) {
    super(STATUS_WORKER_ERRORS[code], message, {
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(options.violations === undefined ? {} : { violations: options.violations }),
    });
    this.name = 'StatusWorkerError';
    this.details = options.details ?? {};
  }

  /** True for any StatusWorkerError, even one made by another copy of this module (no `instanceof`). */
  static override isInstance(value: unknown): value is StatusWorkerError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
