import type { FastifyError, FastifyRequest } from 'fastify';
import { classifyError } from '../classify-error.ts';
import { ServiceError } from '../errors/service-error.ts';
import { StoreError } from '../store/store-error.ts';
import { type ErrorBody, runtimeHttpErrors } from './http-error.ts';
import { type SchemaValidationError, toViolations } from './violations.ts';

/** How the error handler answers one error, and at which level it logs it (with the error). */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  log: 'error' | 'warn' | 'debug';
}

const fastifyStatusCodes: Record<number, string> = {
  400: 'RUNTIME_REQUEST_MALFORMED',
  404: 'RUNTIME_NOT_FOUND',
  413: 'RUNTIME_BODY_TOO_LARGE',
  415: 'RUNTIME_UNSUPPORTED_MEDIA_TYPE',
};

const unavailableMessage = 'A dependency is unavailable right now; retry shortly.';

function internalMessage(request: FastifyRequest): string {
  return `Internal error (request ${request.id}); see the service logs.`;
}

/**
 * Turns any error a route threw into the HTTP answer. Bodies never carry driver or network text:
 * a typed error with an HTTP status answers its code, its own message below 500 and a generic
 * message from 500 up; a store or Kafka failure without a status answers 503 `RUNTIME_UNAVAILABLE`
 * (transient) or 500 `RUNTIME_INTERNAL`, and a value the store refused (SQLSTATE class 22 or 54)
 * 422 `RUNTIME_REQUEST_UNSTORABLE`. The details go to the log only.
 */
export function describeError(
  error: FastifyError,
  request: FastifyRequest,
  validationErrorCode: string,
): ErrorAnswer {
  if (ServiceError.isInstance(error) && error.httpStatus !== undefined) {
    const status = error.httpStatus;
    if (status < 500) {
      const body: ErrorBody =
        error.violations === undefined
          ? { code: error.code, message: error.message }
          : { code: error.code, message: error.message, violations: [...error.violations] };
      return { status, body, log: 'debug' };
    }
    const message = status === 503 ? unavailableMessage : internalMessage(request);
    return { status, body: { code: error.code, message }, log: 'error' };
  }
  if (error.validation !== undefined) {
    const context = error.validationContext ?? 'body';
    const input = context === 'body' ? request.body : context === 'params' ? request.params : request.query;
    const violations = toViolations(error.validation as unknown as SchemaValidationError[], input);
    return {
      status: 400,
      body: {
        code: validationErrorCode,
        message: `The request ${context} is invalid: ${violations.length} problem(s), see violations.`,
        violations,
      },
      log: 'debug',
    };
  }
  const statusCode = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: { code: fastifyStatusCodes[statusCode] ?? 'RUNTIME_REQUEST_REJECTED', message: error.message },
      log: 'debug',
    };
  }
  if (StoreError.isInstance(error) && error.fault === 'record' && /^(22|54)/.test(error.sqlState ?? '')) {
    const entry = runtimeHttpErrors.RUNTIME_REQUEST_UNSTORABLE;
    return { status: entry.httpStatus, body: { code: entry.code, message: entry.description }, log: 'warn' };
  }
  if (classifyError(error).fault === 'transient') {
    return { status: 503, body: { code: 'RUNTIME_UNAVAILABLE', message: unavailableMessage }, log: 'error' };
  }
  return { status: 500, body: { code: 'RUNTIME_INTERNAL', message: internalMessage(request) }, log: 'error' };
}
