import { type Static, Type } from 'typebox';

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

const httpErrorMarker = Symbol.for('@order-service/runtime.HttpError');

/** Throw from a route: the error handler answers `statusCode` with `{ code, message, violations? }`. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly violations: Violation[] | undefined;
  readonly retryable: boolean;
  readonly [httpErrorMarker] = true;

  constructor(
    statusCode: number,
    code: string,
    message: string,
    options: { violations?: Violation[]; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.violations = options.violations;
    this.retryable = options.retryable ?? statusCode >= 500;
  }

  /** The JSON body of this error. */
  toBody(): ErrorBody {
    return this.violations === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, violations: this.violations };
  }

  /** True for HTTP errors, across package copies. */
  static isInstance(value: unknown): value is HttpError {
    return typeof value === 'object' && value !== null && httpErrorMarker in value;
  }
}

/** The runtime's own HTTP error codes and their statuses (apps add theirs in their catalog). */
export const runtimeHttpErrors = {
  RUNTIME_REQUEST_INVALID: { status: 400, message: 'The request breaks its schema; see violations.' },
  RUNTIME_REQUEST_MALFORMED: {
    status: 400,
    message: 'The body is not valid JSON (or uses a forbidden key).',
  },
  RUNTIME_UNAUTHORIZED: { status: 401, message: 'Send the API key in the x-api-key header.' },
  RUNTIME_NOT_FOUND: { status: 404, message: 'No such route.' },
  RUNTIME_BODY_TOO_LARGE: { status: 413, message: 'The body is larger than the limit.' },
  RUNTIME_UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send application/json.' },
  RUNTIME_REQUEST_REJECTED: { status: 400, message: 'The request was rejected.' },
  RUNTIME_INTERNAL: { status: 500, message: 'Internal error; the logs carry the request id.' },
  RUNTIME_UNAVAILABLE: { status: 503, message: 'A dependency is unavailable; retry later.' },
} as const satisfies Record<string, { status: number; message: string }>;
