import {
  ContractError,
  checkOrderRules,
  encodeOrder,
  type Order,
  type Violation,
} from '@order-service/contracts';
import type { CreateOrderRequest } from '../http/order-request.ts';
import { checkCarriable } from './carriable-order.ts';

/** Inputs the service supplies: the clock and the id generator. */
export interface OrderFactory {
  now: () => Date;
  generateOrderId: () => string;
}

/** An order ready to store and publish, or every reason it cannot be. */
export type BuiltOrder = { ok: true; order: Order; payload: string } | { ok: false; violations: Violation[] };

/**
 * Completes a request into the order that will be published: id (generated when absent), total
 * (computed exactly when absent), `created_at` now, status NEW; then applies the contract and the
 * business rules and the carriable limits (ids without control characters or lone surrogates,
 * at most 200 characters), returning every violation at once.
 */
export function buildOrder(request: CreateOrderRequest, factory: OrderFactory): BuiltOrder {
  const items = request.items.map((item) => ({
    product_id: item.product_id,
    quantity: item.quantity,
    price: item.price,
  }));
  let totalAmount = request.total_amount;
  if (totalAmount === undefined) {
    const exact = items.every(
      (item) => Number.isSafeInteger(item.quantity) && Number.isSafeInteger(item.price),
    );
    const sum = exact
      ? items.reduce((total, item) => total + BigInt(item.quantity) * BigInt(item.price), 0n)
      : 0n;
    if (sum > BigInt(Number.MAX_SAFE_INTEGER) || sum < BigInt(Number.MIN_SAFE_INTEGER)) {
      // Let the rules report the sum; a zero total makes them name the mismatch precisely.
      totalAmount = 0;
    } else {
      totalAmount = Number(sum);
    }
  }
  const order: Order = {
    order_id: request.order_id ?? factory.generateOrderId(),
    customer_id: request.customer_id,
    items,
    total_amount: totalAmount,
    created_at: factory.now().toISOString(),
    status: 'NEW',
  };
  // The rules of the contract, then what the store and the topic can carry (U+0000, lone surrogates...).
  const violations = [...checkOrderRules(order), ...checkCarriable(order)];
  if (violations.length > 0) return { ok: false, violations };
  try {
    return { ok: true, order, payload: encodeOrder(order) };
  } catch (error) {
    if (ContractError.isInstance(error)) return { ok: false, violations: [...error.violations] };
    throw error;
  }
}
