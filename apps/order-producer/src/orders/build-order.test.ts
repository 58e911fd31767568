import { decodeOrder } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { buildOrder } from './build-order.ts';

const factory = { now: () => new Date('2026-01-02T03:04:05.678Z'), generateOrderId: () => 'generated-id' };
const item = { product_id: 'prod123', quantity: 2, price: 150_000 };

describe('buildOrder', () => {
  it('completes a request into a NEW order with a computed total and a generated id', () => {
    const built = buildOrder({ customer_id: 'user789', items: [item] }, factory);
    expect(built).toMatchObject({
      ok: true,
      order: {
        order_id: 'generated-id',
        customer_id: 'user789',
        items: [item],
        total_amount: 300_000,
        created_at: '2026-01-02T03:04:05.678Z',
        status: 'NEW',
      },
    });
    if (built.ok) expect(decodeOrder(built.payload)).toEqual({ ok: true, value: built.order });
  });

  it('keeps a client-chosen order id', () => {
    const built = buildOrder({ order_id: 'mine', customer_id: 'c', items: [item] }, factory);
    expect(built.ok && built.order.order_id).toBe('mine');
  });

  it('rejects a given total that does not match the items', () => {
    const built = buildOrder({ customer_id: 'c', items: [item], total_amount: 1 }, factory);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.violations.map((violation) => violation.path)).toEqual(['/total_amount']);
  });

  it('reports every violation: negative price and unsafe quantity together', () => {
    const built = buildOrder(
      {
        customer_id: 'c',
        items: [
          { product_id: 'a', quantity: 1, price: -5 },
          { product_id: 'b', quantity: 2 ** 60, price: 1 },
        ],
      },
      factory,
    );
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.violations.map((violation) => violation.path)).toEqual(
        expect.arrayContaining(['/items/0/price', '/items/1/quantity']),
      );
    }
  });

  it('rejects items whose exact sum is past the safe integer range', () => {
    const built = buildOrder(
      { customer_id: 'c', items: [{ product_id: 'a', quantity: 3, price: Number.MAX_SAFE_INTEGER - 1 }] },
      factory,
    );
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.violations.map((violation) => violation.path)).toContain('/total_amount');
  });
});
