import { allowedTransitions, ORDER_STATUSES, type OrderStatus } from '@order-service/contracts';

/**
 * The shortest chain of statuses that leads from `from` to `to` by allowed transitions (excluding
 * `from`), or undefined when `to` cannot be reached. Tests use it to put an order in any status.
 */
export function pathBetween(from: OrderStatus, to: OrderStatus): OrderStatus[] | undefined {
  const previous = new Map<OrderStatus, OrderStatus>();
  const queue: OrderStatus[] = [from];
  const seen = new Set<OrderStatus>([from]);
  while (queue.length > 0) {
    const current = queue.shift() as OrderStatus;
    if (current === to) break;
    for (const next of allowedTransitions(current)) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, current);
      queue.push(next);
    }
  }
  if (!seen.has(to)) return undefined;
  const path: OrderStatus[] = [];
  for (
    let step: OrderStatus | undefined = to;
    step !== undefined && step !== from;
    step = previous.get(step)
  ) {
    path.unshift(step);
  }
  return path;
}

/**
 * The statuses an order can be in at the status-worker: the intake moves every order out of NEW
 * in the transaction that stores it, so NEW is never current.
 */
export const REACHABLE_STATUSES: OrderStatus[] = ORDER_STATUSES.filter(
  (status) => status !== 'NEW' && pathBetween('NEW', status) !== undefined,
);
