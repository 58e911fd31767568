import { allowedTransitions, canTransition, type OrderStatus } from '@order-service/contracts';

/**
 * Two statuses both allowed from `from` where neither leads to the other: of two racing requests
 * for them, exactly one can ever succeed. Taken from the contracts lifecycle, not hard-coded.
 */
export function exclusiveTargets(from: OrderStatus): [OrderStatus, OrderStatus] {
  const allowed = allowedTransitions(from);
  for (const first of allowed) {
    for (const second of allowed) {
      if (first !== second && !canTransition(first, second) && !canTransition(second, first))
        return [first, second];
    }
  }
  throw new Error(`the lifecycle has no two mutually exclusive transitions from ${from}`);
}
