import { describe, expect, it } from 'vitest';
import { orderFieldsThatDiffer } from './order-differences.ts';
import type { Order } from './schemas/order.ts';

const order: Order = {
  order_id: 'o-1',
  customer_id: 'c-1',
  items: [{ product_id: 'p-1', quantity: 2, price: 500 }],
  total_amount: 1000,
  created_at: '2026-03-01T10:00:00Z',
  status: 'NEW',
};

describe('orderFieldsThatDiffer', () => {
  it('finds nothing between an order and its copy with keys in another order', () => {
    const reordered = JSON.parse(
      '{"status":"NEW","items":[{"price":500,"quantity":2,"product_id":"p-1"}],"total_amount":1000,' +
        '"created_at":"2026-03-01T10:00:00Z","customer_id":"c-1","order_id":"o-1"}',
    ) as Order;
    expect(orderFieldsThatDiffer(order, reordered)).toEqual([]);
  });

  it('names every differing field in schema order, items compared element by element', () => {
    const other: Order = {
      ...order,
      total_amount: 1001,
      items: [{ product_id: 'p-1', quantity: 3, price: 500 }],
      customer_id: 'c-2',
    };
    expect(orderFieldsThatDiffer(order, other)).toEqual(['customer_id', 'items', 'total_amount']);
  });

  it('compares only the fields asked for; a field missing on one side differs', () => {
    const { total_amount: _omitted, ...request } = order;
    expect(
      orderFieldsThatDiffer(order, { ...request, status: 'CANCELLED' }, ['customer_id', 'items']),
    ).toEqual([]);
    expect(orderFieldsThatDiffer(order, request, ['total_amount'])).toEqual(['total_amount']);
  });
});
