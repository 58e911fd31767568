import { type Order, orderFieldsThatDiffer, type Violation } from '@order-service/contracts';
import type { CreateOrderRequest } from '../http/order-request.ts';

/**
 * The fields in which a repeated request differs from the stored order (empty: a true retry).
 * Only what the client chose counts; `created_at` and `status` are the service's, and a total left
 * out is computed, so it counts only when given.
 */
export function differingFields(stored: Order, request: CreateOrderRequest): Violation[] {
  const chosen: (keyof Order)[] = [
    'customer_id',
    'items',
    ...(request.total_amount === undefined ? [] : ['total_amount' as const]),
  ];
  return orderFieldsThatDiffer(stored, request, chosen).map((field) =>
    field === 'total_amount'
      ? {
          path: '/total_amount',
          message: `differs from the stored order with this order_id (${stored.total_amount})`,
          value: request.total_amount,
        }
      : {
          path: `/${field}`,
          message: `${field === 'items' ? 'differ' : 'differs'} from the stored order with this order_id`,
        },
  );
}
