import { describe, expect, it } from 'vitest';
import { ServiceError } from './service-error.ts';

describe('ServiceError', () => {
  const definition = { code: 'X_FAILED', retryable: false };

  it('is recognised by its registered brand, also as a copy or from another package copy', () => {
    const error = new ServiceError(definition, 'failed');
    expect(ServiceError.isInstance(error)).toBe(true);
    expect(ServiceError.isInstance({ ...error })).toBe(true);
    expect(ServiceError.isInstance({ [Symbol.for('@order-service/runtime.ServiceError')]: true })).toBe(true);
    expect(ServiceError.isInstance(new Error('plain'))).toBe(false);
    expect(ServiceError.isInstance(null)).toBe(false);
    expect(ServiceError.isInstance('X_FAILED')).toBe(false);
  });

  it('lets one error override retryable, and derives the fault from it', () => {
    expect(new ServiceError(definition, 'x', { retryable: true })).toMatchObject({
      retryable: true,
      fault: 'transient',
    });
    expect(
      new ServiceError({ code: 'X', retryable: true, fault: 'unknown' }, 'x', { retryable: false }),
    ).toMatchObject({ retryable: false, fault: 'record' });
    expect(new ServiceError(definition, 'x', { fault: 'unknown' })).toMatchObject({
      retryable: true,
      fault: 'unknown',
    });
  });

  it('keeps the cause and the HTTP status', () => {
    const cause = new Error('driver');
    const error = new ServiceError({ ...definition, httpStatus: 422 }, 'x', { cause });
    expect(error.cause).toBe(cause);
    expect(error.httpStatus).toBe(422);
    expect(new ServiceError(definition, 'x').httpStatus).toBeUndefined();
  });
});
