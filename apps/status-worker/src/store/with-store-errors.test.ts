import { classifyError, toStoreError } from '@order-service/runtime';
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

  it.each([
    ['25006', 'read-only after a failover'],
    ['57014', 'statement_timeout'],
    ['55P03', 'lock_timeout'],
    ['57P01', 'admin shutdown'],
    ['40001', 'serialization failure'],
  ])(
    'keeps a transient store error (%s, %s) retryable, without the driver text in its message',
    async (sqlState) => {
      const storeError = toStoreError({ code: sqlState, severity: 'ERROR', message: 'driver says 10.0.0.7' });
      const failure = await withStoreErrors('writing', () => Promise.reject(storeError)).catch(
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({
        code: 'STATUS_WORKER_STORE_FAILED',
        retryable: true,
        fault: 'transient',
      });
      expect((failure as Error).message).not.toContain('10.0.0.7');
      expect((failure as Error).cause).toBe(storeError);
    },
  );

  it.each([
    ['22021', 'U+0000 in text'],
    ['54000', 'index row too large'],
    ['23514', 'check violation'],
  ])('keeps a value the store refused (%s, %s) the record’s fault: not retryable, 422', async (sqlState) => {
    const storeError = toStoreError({ code: sqlState, severity: 'ERROR', message: 'invalid byte sequence' });
    const failure = await withStoreErrors('recording received orders', () =>
      Promise.reject(storeError),
    ).catch((error: unknown) => error);
    expect(StatusWorkerError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({
      code: 'STATUS_WORKER_STORE_REJECTED',
      retryable: false,
      httpStatus: 422,
    });
    expect(classifyError(failure).fault).toBe('record');
    expect((failure as StatusWorkerError).details).toMatchObject({ sqlState });
  });

  it('passes a rejected statement and an unclassified error through with their own classification', async () => {
    const syntax = toStoreError({ code: '21000', severity: 'ERROR', message: 'more than one row returned' });
    await expect(withStoreErrors('reading', () => Promise.reject(syntax))).rejects.toBe(syntax);
    const bug = new TypeError('x is not a function');
    await expect(withStoreErrors('reading', () => Promise.reject(bug))).rejects.toBe(bug);
    expect(classifyError(bug).fault).toBe('unknown');
  });
});
