import type { Order } from './schemas/order.ts';
import type { Violation } from './violation.ts';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function safeIntegerViolation(path: string, value: number): Violation | undefined {
  if (Number.isSafeInteger(value)) return undefined;
  return {
    path,
    message: `must be a safe integer (at most ${Number.MAX_SAFE_INTEGER} in absolute value), got ${value}`,
    value,
  };
}

/**
 * The business rules producers apply on top of the wire schema (which stays as permissive as the
 * reference document): items present, prices not negative, amounts within safe integers,
 * `total_amount` = sum of `quantity x price` computed exactly (BigInt), and a new order is `NEW`.
 * Returns every violation, empty when the order obeys them all.
 */
export function checkOrderRules(order: Order): Violation[] {
  const violations: Violation[] = [];
  if (order.items.length === 0) {
    violations.push({
      path: '/items',
      message: 'must contain at least one item, got none',
      value: order.items,
    });
  }
  let sum = 0n;
  let itemsExact = true;
  order.items.forEach((item, index) => {
    const quantity = safeIntegerViolation(`/items/${index}/quantity`, item.quantity);
    const price = safeIntegerViolation(`/items/${index}/price`, item.price);
    if (quantity) violations.push(quantity);
    if (price) violations.push(price);
    if (item.price < 0) {
      violations.push({
        path: `/items/${index}/price`,
        message: `must be >= 0 kopecks, got ${item.price}`,
        value: item.price,
      });
    }
    if (quantity || price) itemsExact = false;
    else sum += BigInt(item.quantity) * BigInt(item.price);
  });
  const total = safeIntegerViolation('/total_amount', order.total_amount);
  if (total) violations.push(total);
  else if (itemsExact && sum > MAX_SAFE) {
    violations.push({
      path: '/total_amount',
      message: `the items sum to ${sum} kopecks, past the largest safe amount ${Number.MAX_SAFE_INTEGER}`,
      value: order.total_amount,
    });
  } else if (itemsExact && BigInt(order.total_amount) !== sum) {
    violations.push({
      path: '/total_amount',
      message: `must equal the sum of quantity x price of the items, ${sum}, got ${order.total_amount}`,
      value: order.total_amount,
    });
  }
  if (order.status !== 'NEW') {
    violations.push({
      path: '/status',
      message: `must be NEW for a new order, got ${JSON.stringify(order.status)}`,
      value: order.status,
    });
  }
  return violations;
}
