import { describe, expect, it } from 'vitest';
import { decodeOrder } from './messages.ts';
import { checkOrderRules } from './order-rules.ts';
import type { Order } from './schemas/order.ts';
import { type FailingFixture, readFixtures } from './test-support/fixtures.ts';

const reference = readFixtures<Order>('order-created.valid.json')['reference-example'] as Order;

describe('checkOrderRules', () => {
  it('accepts the reference example and the 50-item golden order', () => {
    const valid = readFixtures<Order>('order-created.valid.json');
    expect(checkOrderRules(reference)).toEqual([]);
    expect(checkOrderRules(valid['fifty-items'] as Order)).toEqual([]);
  });

  it.each(Object.entries(readFixtures<FailingFixture>('order-created.rule-breaking.json')))(
    'rejects the wire-valid order %s, naming the right fields',
    (_case, fixture) => {
      const decoded = decodeOrder(JSON.stringify(fixture.payload));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(checkOrderRules(decoded.value).map((violation) => violation.path)).toEqual(fixture.paths);
    },
  );

  it('rejects an order whose total does not match its items, saying the expected sum', () => {
    expect(checkOrderRules({ ...reference, total_amount: 299999 })).toEqual([
      {
        path: '/total_amount',
        message: 'must equal the sum of quantity x price of the items, 300000, got 299999',
        value: 299999,
      },
    ]);
  });

  it('rejects items whose exact sum passes the largest safe integer', () => {
    // 3 x 3002399751580331 = 9007199254740993: in doubles it would round to ...992.
    const order = {
      ...reference,
      items: [{ product_id: 'p', quantity: 3, price: 3002399751580331 }],
      total_amount: Number.MAX_SAFE_INTEGER,
    };
    expect(checkOrderRules(order).map((violation) => violation.message)).toEqual([
      'the items sum to 9007199254740993 kopecks, past the largest safe amount 9007199254740991',
    ]);
  });

  it('accepts a total of exactly the largest safe integer', () => {
    const order = {
      ...reference,
      items: [{ product_id: 'p', quantity: 1, price: Number.MAX_SAFE_INTEGER }],
      total_amount: Number.MAX_SAFE_INTEGER,
    };
    expect(checkOrderRules(order)).toEqual([]);
  });

  it('rejects a negative price and a status other than NEW together', () => {
    const order: Order = {
      ...reference,
      items: [{ product_id: 'p', quantity: 2, price: -5 }],
      total_amount: -10,
      status: 'SHIPPED',
    };
    expect(checkOrderRules(order).map((violation) => [violation.path, violation.message])).toEqual([
      ['/items/0/price', 'must be >= 0 kopecks, got -5'],
      ['/status', 'must be NEW for a new order, got "SHIPPED"'],
    ]);
  });
});
