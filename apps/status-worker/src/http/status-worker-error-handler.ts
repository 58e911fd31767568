import { HttpError } from '@order-service/runtime';
import type { FastifyInstance } from 'fastify';
import { StatusWorkerError } from '../errors.ts';

/**
 * Gives the app's own errors their catalog status: a StatusWorkerError is rethrown as the runtime's
 * HttpError, which the parent (runtime) error handler answers as `{ code, message, violations? }`
 * like every other error of the system (from 500 up with a generic message, the details in the
 * log). Anything else goes to that handler unchanged.
 */
export function setStatusWorkerErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error) => {
    if (!StatusWorkerError.isInstance(error)) throw error;
    throw new HttpError(error.httpStatus, error.code, error.message, {
      ...(error.violations === undefined ? {} : { violations: error.violations }),
      retryable: error.retryable,
      cause: error,
    });
  });
}
