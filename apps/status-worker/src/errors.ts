/**
 * The status-worker's error catalog: every failure the app raises on purpose has one code, says
 * whether doing the same thing again may succeed (`retryable`) and, for the HTTP API, its status.
 * The consumer runner reads `retryable` to choose between retry-with-backoff and the dead-letter topic.
 */
export const STATUS_WORKER_ERRORS = {
  STATUS_WORKER_ORDER_UNDECODABLE: {
    retryable: false,
    httpStatus: 422,
    summary: 'A record on orders.created is not JSON or breaks the Order wire schema; it goes to the DLQ.',
  },
  STATUS_WORKER_DUPLICATE_ORDER_CONFLICT: {
    retryable: false,
    httpStatus: 409,
    summary:
      'An order_id arrived again with different content; the copy goes to the DLQ, the first one stands.',
  },
  STATUS_WORKER_ORDER_NOT_FOUND: {
    retryable: false,
    httpStatus: 404,
    summary: 'No order with this order_id has been received from orders.created.',
  },
  STATUS_WORKER_TRANSITION_FORBIDDEN: {
    retryable: false,
    httpStatus: 409,
    summary: 'The lifecycle does not allow the requested status from the current one.',
  },
  STATUS_WORKER_CONCURRENT_UPDATE: {
    retryable: true,
    httpStatus: 503,
    summary: 'The order changed between reading and writing it; repeat the request.',
  },
  STATUS_WORKER_STORE_FAILED: {
    retryable: true,
    httpStatus: 503,
    summary: 'The store failed or was unreachable; nothing was changed, repeat later.',
  },
} as const;

/** One of the status-worker's error codes. */
export type StatusWorkerErrorCode = keyof typeof STATUS_WORKER_ERRORS;

const marker = Symbol.for('order-service.status-worker.error');

/** One problem behind an error, in the shape of the shared HTTP error body. */
export interface ErrorViolation {
  path: string;
  message: string;
  value?: unknown;
}

/** Options of {@link StatusWorkerError}: data for logs, violations for HTTP bodies, and the cause. */
export interface StatusWorkerErrorOptions {
  details?: Record<string, unknown>;
  violations?: ErrorViolation[];
  cause?: unknown;
}

/** An error of the status-worker, recognised with {@link StatusWorkerError.isInstance}. */
export class StatusWorkerError extends Error {
  readonly code: StatusWorkerErrorCode;
  readonly retryable: boolean;
  readonly httpStatus: number;
  readonly details: Record<string, unknown>;
  readonly violations: ErrorViolation[] | undefined;
  readonly [marker] = true;

  constructor(code: StatusWorkerErrorCode, message: string, options: StatusWorkerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StatusWorkerError';
    this.code = code;
    this.retryable = STATUS_WORKER_ERRORS[code].retryable;
    this.httpStatus = STATUS_WORKER_ERRORS[code].httpStatus;
    this.details = options.details ?? {};
    this.violations = options.violations;
  }

  /** True for any StatusWorkerError, even one made by another copy of this module (no `instanceof`). */
  static isInstance(value: unknown): value is StatusWorkerError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
