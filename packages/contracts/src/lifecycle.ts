import type { OrderStatus } from './schemas/order-status.ts';

/**
 * The order lifecycle as data: NEW -> PROCESSING -> SHIPPED -> DELIVERED; NEW or PROCESSING ->
 * CANCELLED; DELIVERED and CANCELLED are final.
 */
export const ORDER_STATUS_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  NEW: ['PROCESSING', 'CANCELLED'],
  PROCESSING: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

/** How a requested status relates to the current one: a real change, a repeat (no-op) or forbidden. */
export type TransitionKind = 'transition' | 'repeat' | 'forbidden';

/** The statuses an order may move to from `from` (empty for a final status). */
export function allowedTransitions(from: OrderStatus): readonly OrderStatus[] {
  return ORDER_STATUS_TRANSITIONS[from];
}

/** True when the lifecycle allows moving from `from` to a different status `to`; a repeat is false (see classifyTransition). */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_STATUS_TRANSITIONS[from].includes(to);
}

/** Classifies a requested change: `repeat` when `to` is the current status (a no-op, not an error). */
export function classifyTransition(from: OrderStatus, to: OrderStatus): TransitionKind {
  if (from === to) return 'repeat';
  return canTransition(from, to) ? 'transition' : 'forbidden';
}

/** True for a status no transition leaves (DELIVERED, CANCELLED). */
export function isFinal(status: OrderStatus): boolean {
  return ORDER_STATUS_TRANSITIONS[status].length === 0;
}
