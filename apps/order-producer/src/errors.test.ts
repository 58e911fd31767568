import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderProducerError, orderProducerErrors } from './errors.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('order-producer error catalog', () => {
  it('documents every code with its status and retryability in the README', () => {
    for (const [code, entry] of Object.entries(orderProducerErrors)) {
      expect(readme).toMatch(
        new RegExp(`\\| ${code} +\\| ${entry.status} +\\| ${entry.retryable ? 'yes' : 'no'} +\\|`),
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
