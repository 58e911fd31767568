import { CARRIABLE_LIMITS, checkOrderRules, type Order } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { describeCancellation } from './cancellation-comment.ts';

const valid: Order = {
  order_id: 'o-1',
  customer_id: 'c-1',
  items: [{ product_id: 'p-1', quantity: 2, price: 150_000 }],
  total_amount: 300_000,
  created_at: '2024-02-20T15:30:00Z',
  status: 'NEW',
};

describe('describeCancellation', () => {
  it('names an order without items', () => {
    const comment = describeCancellation(checkOrderRules({ ...valid, items: [], total_amount: 0 }));
    expect(comment).toBe(
      'Cancelled on receipt: the order breaks 1 business rule: /items must contain at least one item, got none',
    );
  });

  it('names a total that does not match its items, with both amounts', () => {
    const comment = describeCancellation(checkOrderRules({ ...valid, total_amount: 299_999 }));
    expect(comment).toContain(
      '/total_amount must equal the sum of quantity x price of the items, 300000, got 299999',
    );
  });

  it('names a negative price and where it is', () => {
    const order = { ...valid, items: [{ product_id: 'p-1', quantity: 1, price: -5 }], total_amount: -5 };
    expect(describeCancellation(checkOrderRules(order))).toContain(
      '/items/0/price must be >= 0 kopecks, got -5',
    );
  });

  it('names a status other than NEW', () => {
    const comment = describeCancellation(checkOrderRules({ ...valid, status: 'SHIPPED' }));
    expect(comment).toContain('/status must be NEW for a new order, got "SHIPPED"');
  });

  it('lists every broken rule at once', () => {
    const comment = describeCancellation(checkOrderRules({ ...valid, items: [], status: 'DELIVERED' }));
    expect(comment).toMatch(/breaks 3 business rules: \/items .*; \/total_amount .*; \/status /);
  });
});

describe('describeCancellation of a huge order', () => {
  it('stays within the comment limit the contract carries, counting the rules it leaves out', () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({
      product_id: `p-${index}`,
      quantity: 1,
      price: -index - 1,
    }));
    const violations = checkOrderRules({ ...valid, items, total_amount: 0 });
    const comment = describeCancellation(violations);
    expect(comment.length).toBeLessThanOrEqual(CARRIABLE_LIMITS.maxCommentLength);
    expect(comment).toMatch(
      /^Cancelled on receipt: the order breaks 1001 business rules: \/items\/0\/price /,
    );
    const listed = comment.split('; ').length - 1;
    expect(comment).toMatch(new RegExp(`; and ${1001 - listed} more$`));
  });
});
