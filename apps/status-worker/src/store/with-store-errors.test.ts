import { describe, expect, it } from 'vitest';
import { StatusWorkerError } from '../errors.ts';
import { withStoreErrors } from './with-store-errors.ts';

describe('withStoreErrors', () => {
  it('returns what the operation returns', async () => {
    await expect(withStoreErrors('reading', async () => 42)).resolves.toBe(42);
  });

  it('turns a driver failure into a retryable STATUS_WORKER_STORE_FAILED that keeps the cause', async () => {
    const driverError = Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' });
    const failure = await withStoreErrors('reading', () => Promise.reject(driverError)).catch(
      (error: unknown) => error,
    );
    expect(StatusWorkerError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'STATUS_WORKER_STORE_FAILED', retryable: true, httpStatus: 503 });
    expect((failure as Error).message).toContain('while reading');
    expect((failure as Error).cause).toBe(driverError);
  });

  it('passes the app’s own errors through unchanged', async () => {
    const own = new StatusWorkerError('STATUS_WORKER_ORDER_NOT_FOUND', 'no such order');
    await expect(withStoreErrors('reading', () => Promise.reject(own))).rejects.toBe(own);
  });
});
