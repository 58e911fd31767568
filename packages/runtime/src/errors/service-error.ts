/**
 * Who is at fault when an operation failed: `transient` (try again later: store or broker down,
 * timeout, lost race), `record` (the record or request itself can never succeed), `unknown`
 * (nobody classified the failure: a plain Error, a bug).
 */
export type ErrorFault = 'transient' | 'record' | 'unknown';

/**
 * One broken rule behind an error: where (JSON pointer, `''` for the whole value), what, and the
 * offending value. The same shape as the contracts package's `Violation`.
 */
export interface ErrorViolation {
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

/** What an error of one catalog code is: the code, whether retrying may help, its HTTP status. */
export interface ErrorDefinition {
  readonly code: string;
  readonly retryable: boolean;
  /** Default: `transient` when retryable, `record` when not. */
  readonly fault?: ErrorFault;
  readonly httpStatus?: number | undefined;
}

/** Per-error overrides and data of a {@link ServiceError}. */
export interface ServiceErrorOptions {
  cause?: unknown;
  /** Overrides the definition's `retryable` (and the fault that follows from it). */
  retryable?: boolean;
  /** Overrides the definition's fault; `unknown` keeps `retryable` true. */
  fault?: ErrorFault;
  /** Overrides the definition's HTTP status. */
  httpStatus?: number;
  violations?: readonly ErrorViolation[];
}

// Registered symbol: recognised across copies and versions of the runtime, unlike instanceof.
const serviceErrorBrand = Symbol.for('@order-service/runtime.ServiceError');

/**
 * The one error class of the system: every app's typed error (RuntimeError, StoreError, HttpError,
 * StatusWorkerError, NotifierError) is one of these, with a catalog `code`, whether retrying may
 * help (`retryable`, `fault`), the HTTP status where it has one, and the violations behind it.
 */
export class ServiceError extends Error {
  readonly [serviceErrorBrand] = true;
  readonly code: string;
  readonly retryable: boolean;
  readonly fault: ErrorFault;
  readonly httpStatus: number | undefined;
  readonly violations: ErrorViolation[] | undefined;

  constructor(definition: ErrorDefinition, message: string, options: ServiceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServiceError';
    this.code = definition.code;
    const retryable = options.retryable ?? definition.retryable;
    const fault =
      options.fault ??
      (options.retryable === undefined ? definition.fault : undefined) ??
      (retryable ? 'transient' : 'record');
    this.fault = fault;
    // An unclassified failure counts as retryable for callers that only read the flag.
    this.retryable = fault !== 'record';
    this.httpStatus = options.httpStatus ?? definition.httpStatus;
    this.violations = options.violations === undefined ? undefined : [...options.violations];
  }

  /** True for every ServiceError (and subclass), also across copies of the runtime (no `instanceof`). */
  static isInstance(value: unknown): value is ServiceError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[serviceErrorBrand] === true
    );
  }
}
