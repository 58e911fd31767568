import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUS_WORKER_ERRORS, StatusWorkerError, type StatusWorkerErrorCode } from './errors.ts';

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

  it('has every code documented in the README error table, with the same retryable flag and status', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const code of Object.keys(STATUS_WORKER_ERRORS) as StatusWorkerErrorCode[]) {
      const entry = STATUS_WORKER_ERRORS[code];
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${code}\``));
      expect(row, `README row for ${code}`).toBeDefined();
      expect(row).toContain(`| ${entry.httpStatus} |`);
      expect(row).toContain(`| ${entry.retryable ? 'yes' : 'no'} |`);
    }
  });
});
