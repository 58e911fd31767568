import type { FastifyError, FastifyInstance } from 'fastify';
import { StatusWorkerError } from '../errors.ts';

/**
 * Answers the status-worker's own errors with their catalog status and `{ code, message, details }`.
 * Anything else is rethrown, which hands it to the parent (the runtime's) error handler.
 */
export function setStatusWorkerErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError | StatusWorkerError, request, reply) => {
    if (!StatusWorkerError.isInstance(error)) throw error;
    if (error.httpStatus >= 500) request.log.error({ err: error, code: error.code }, 'request failed');
    return reply
      .code(error.httpStatus)
      .send({ code: error.code, message: error.message, details: error.details });
  });
}
