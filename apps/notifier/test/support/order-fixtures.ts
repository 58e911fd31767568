import { randomUUID } from 'node:crypto';
import type { Order, OrderStatus, OrderStatusChanged } from '@order-service/contracts';

/** A valid order with a unique id (2 × 1 500,00 ₽ = 3 000,00 ₽), overridable field by field. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    order_id: `order-${randomUUID()}`,
    customer_id: 'user789',
    items: [{ product_id: 'prod123', quantity: 2, price: 150_000 }],
    total_amount: 300_000,
    created_at: '2024-02-20T15:30:00Z',
    status: 'NEW',
    ...overrides,
  };
}

/** A status change of `order`, `minutes` after 2024-02-20T16:00Z. */
export function makeChange(
  order: Pick<Order, 'order_id'>,
  status: OrderStatus,
  minutes = 0,
): OrderStatusChanged {
  return {
    order_id: order.order_id,
    status,
    updated_at: new Date(Date.parse('2024-02-20T16:00:00Z') + minutes * 60_000).toISOString(),
    comment: `moved to ${status}`,
  };
}
