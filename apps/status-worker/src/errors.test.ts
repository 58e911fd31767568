import { classifyError, ServiceError } from '@order-service/runtime';
import { describe, expect, it } from 'vitest';
import { StatusWorkerError } from './errors.ts';

describe('StatusWorkerError', () => {
  it('takes retryable and the HTTP status from the catalog', () => {
    const error = new StatusWorkerError('STATUS_WORKER_TRANSITION_FORBIDDEN', 'no');
    expect(error).toMatchObject({
      code: 'STATUS_WORKER_TRANSITION_FORBIDDEN',
      retryable: false,
      httpStatus: 409,
    });
  });

  it('is recognised by isInstance, and plain errors are not', () => {
    expect(StatusWorkerError.isInstance(new StatusWorkerError('STATUS_WORKER_STORE_FAILED', 'x'))).toBe(true);
    expect(StatusWorkerError.isInstance(new Error('x'))).toBe(false);
    expect(StatusWorkerError.isInstance(null)).toBe(false);
  });

  it('is a ServiceError of the one error model, with violations of the shared shape', () => {
    const error = new StatusWorkerError('STATUS_WORKER_ORDER_NOT_FOUND', 'no such order', {
      violations: [{ path: '/order_id', message: 'unknown', value: 'o-1' }],
    });
    expect(ServiceError.isInstance(error)).toBe(true);
    expect(error.violations).toEqual([{ path: '/order_id', message: 'unknown', value: 'o-1' }]);
    expect(classifyError(error)).toMatchObject({ code: 'STATUS_WORKER_ORDER_NOT_FOUND', fault: 'record' });
    expect(classifyError(new StatusWorkerError('STATUS_WORKER_STORE_FAILED', 'x')).fault).toBe('transient');
  });
});
