import type { Order, Violation } from '@order-service/contracts';
import type { CreateOrderRequest } from './order-request.ts';

function sameItems(left: Order['items'], right: CreateOrderRequest['items']): boolean {
  return (
    left.length === right.length &&
    left.every((item, index) => {
      const other = right[index];
      return (
        other !== undefined &&
        item.product_id === other.product_id &&
        item.quantity === other.quantity &&
        item.price === other.price
      );
    })
  );
}

/**
 * The fields in which a repeated request differs from the stored order (empty: a true retry).
 * Only what the client chose counts; `created_at` and `status` are the service's.
 */
export function differingFields(stored: Order, request: CreateOrderRequest): Violation[] {
  const differences: Violation[] = [];
  if (stored.customer_id !== request.customer_id) {
    differences.push({ path: '/customer_id', message: 'differs from the stored order with this order_id' });
  }
  if (!sameItems(stored.items, request.items)) {
    differences.push({ path: '/items', message: 'differ from the stored order with this order_id' });
  }
  if (request.total_amount !== undefined && request.total_amount !== stored.total_amount) {
    differences.push({
      path: '/total_amount',
      message: `differs from the stored order with this order_id (${stored.total_amount})`,
      value: request.total_amount,
    });
  }
  return differences;
}
