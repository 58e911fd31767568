import { randomUUID } from 'node:crypto';
import type { Order } from '@order-service/contracts';

/** A valid new order (passes the wire schema and every business rule), with a unique order_id. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    order_id: `order-${randomUUID()}`,
    customer_id: 'user789',
    items: [
      { product_id: 'prod123', quantity: 2, price: 150_000 },
      { product_id: 'prod456', quantity: 1, price: 9_900 },
    ],
    total_amount: 309_900,
    created_at: '2024-02-20T15:30:00Z',
    status: 'NEW',
    ...overrides,
  };
}
