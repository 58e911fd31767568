import { type Static, Type } from 'typebox';
import { defineErrorCatalog } from '../errors/define-error-catalog.ts';
import { ServiceError } from '../errors/service-error.ts';

/** One problem with a request: where (JSON pointer) and what. */
export const Violation = Type.Object(
  {
    path: Type.String({ description: 'JSON pointer to the offending value ("" for the whole body)' }),
    message: Type.String(),
    value: Type.Optional(Type.Unknown({ description: 'the offending value, when it is small' })),
  },
  { additionalProperties: false },
);
/** One problem with a request. */
export type Violation = Static<typeof Violation>;

/** The body of every 4xx and 5xx answer. */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'stable error code, e.g. ORDER_PRODUCER_ORDER_CONFLICT' }),
    message: Type.String(),
    violations: Type.Optional(Type.Array(Violation)),
  },
  { additionalProperties: false, description: 'Error answer' },
);
/** The body of every 4xx and 5xx answer. */
export type ErrorBody = Static<typeof ErrorBody>;

const httpErrorBrand = Symbol.for('@order-service/runtime.HttpError');

/**
 * Throw from a route: the error handler answers `statusCode` with `{ code, message, violations? }`.
 * A `ServiceError` whose `httpStatus` is `statusCode`; 4xx are the request's fault, 5xx retryable.
 * The message of a 5xx never reaches the client (the handler answers a generic one).
 */
export class HttpError extends ServiceError {
  readonly [httpErrorBrand] = true;
  readonly statusCode: number;
  declare readonly httpStatus: number;

  constructor(
    statusCode: number,
    code: string,
    message: string,
    options: { violations?: readonly Violation[]; retryable?: boolean; cause?: unknown } = {},
  ) {
    super({ code, retryable: options.retryable ?? statusCode >= 500, httpStatus: statusCode }, message, {
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(options.violations === undefined ? {} : { violations: options.violations }),
    });
    this.name = 'HttpError';
    this.statusCode = statusCode;
  }

  /** The JSON body of this error. */
  toBody(): ErrorBody {
    return this.violations === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, violations: [...this.violations] };
  }

  /** True for HTTP errors, across package copies. */
  static override isInstance(value: unknown): value is HttpError {
    return typeof value === 'object' && value !== null && httpErrorBrand in value;
  }
}

/** The runtime's own HTTP error codes and their statuses (apps add theirs in their catalog). */
export const runtimeHttpErrors = defineErrorCatalog('RUNTIME', {
  RUNTIME_REQUEST_INVALID: {
    httpStatus: 400,
    retryable: false,
    description: 'The request breaks its schema; see violations.',
  },
  RUNTIME_REQUEST_MALFORMED: {
    httpStatus: 400,
    retryable: false,
    description: 'The body is not valid JSON (or uses a forbidden key).',
  },
  RUNTIME_UNAUTHORIZED: {
    httpStatus: 401,
    retryable: false,
    description: 'Send the API key in the x-api-key header.',
  },
  RUNTIME_NOT_FOUND: { httpStatus: 404, retryable: false, description: 'No such route.' },
  RUNTIME_BODY_TOO_LARGE: {
    httpStatus: 413,
    retryable: false,
    description: 'The body is larger than the limit.',
  },
  RUNTIME_UNSUPPORTED_MEDIA_TYPE: {
    httpStatus: 415,
    retryable: false,
    description: 'Send application/json.',
  },
  RUNTIME_REQUEST_UNSTORABLE: {
    httpStatus: 422,
    retryable: false,
    description:
      'The store refused a value of the request (SQLSTATE class 22 or 54, e.g. U+0000 in text, a value too large for an index).',
  },
  RUNTIME_REQUEST_REJECTED: { httpStatus: 400, retryable: false, description: 'The request was rejected.' },
  RUNTIME_INTERNAL: {
    httpStatus: 500,
    retryable: true,
    fault: 'unknown',
    description: 'Internal error; the logs carry the request id.',
  },
  RUNTIME_UNAVAILABLE: {
    httpStatus: 503,
    retryable: true,
    description: 'A dependency is unavailable; retry later.',
  },
});
