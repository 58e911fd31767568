import { describe, expect, it } from 'vitest';
import { classifyError } from '../classify-error.ts';
import { toStoreError } from './store-error.ts';

describe('toStoreError', () => {
  it('marks connection failures as retryable store outages', () => {
    const error = toStoreError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(error.code).toBe('RUNTIME_STORE_UNAVAILABLE');
    expect(classifyError(error).retryable).toBe(true);
  });

  it('marks admin shutdown of the server as retryable', () => {
    expect(toStoreError({ code: '57P01', message: 'terminating connection' }).retryable).toBe(true);
  });

  it('marks serialization failures as retryable conflicts', () => {
    expect(toStoreError({ code: '40001', message: 'could not serialize' }).code).toBe(
      'RUNTIME_STORE_CONFLICT',
    );
  });

  it('keeps the SQLSTATE and constraint of a rejected statement, not retryable', () => {
    const error = toStoreError({ code: '23505', message: 'duplicate key', constraint: 'orders_pkey' });
    expect(error.code).toBe('RUNTIME_STORE_QUERY_FAILED');
    expect(error.retryable).toBe(false);
    expect(error.sqlState).toBe('23505');
    expect(error.constraint).toBe('orders_pkey');
  });
});
