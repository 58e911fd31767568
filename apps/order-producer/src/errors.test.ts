import { readFileSync } from 'node:fs';
import { classifyError, ServiceError } from '@order-service/runtime';
import { describe, expect, it } from 'vitest';
import { orderProducerError, orderProducerErrors } from './errors.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('order-producer error catalog', () => {
  it('documents every code with its status and retryability in the README', () => {
    for (const [code, entry] of Object.entries(orderProducerErrors)) {
      expect(readme).toMatch(
        new RegExp(`\\| ${code} +\\| ${entry.httpStatus} +\\| ${entry.retryable ? 'yes' : 'no'} +\\|`),
      );
    }
  });

  it('builds HTTP errors with the catalog status', () => {
    const error = orderProducerError('ORDER_PRODUCER_ORDER_CONFLICT', 'differs', [
      { path: '/items', message: 'differ' },
    ]);
    expect(error.statusCode).toBe(409);
    expect(error.retryable).toBe(false);
    expect(error.toBody()).toEqual({
      code: 'ORDER_PRODUCER_ORDER_CONFLICT',
      message: 'differs',
      violations: [{ path: '/items', message: 'differ' }],
    });
  });
});

describe('order-producer errors in the one error model', () => {
  it('are ServiceErrors whose fault says the request is at fault', () => {
    const error = orderProducerError('ORDER_PRODUCER_INVALID_ORDER', 'bad');
    expect(ServiceError.isInstance(error)).toBe(true);
    expect(error.httpStatus).toBe(400);
    expect(classifyError(error)).toMatchObject({ code: 'ORDER_PRODUCER_INVALID_ORDER', fault: 'record' });
  });
});
