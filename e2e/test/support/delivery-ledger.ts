import type { OrderStatus } from '@order-service/contracts';

/** How an HTTP request ended: answered yes, answered no, or never answered (the app died). */
export type RequestOutcome = 'accepted' | 'refused' | 'unknown';

/** What the test asked of the system, and what it was told. */
export type DeliveryLedger = {
  /** Every order the test tried to place, by order_id: whether the API acknowledged it (201/200). */
  orders: Map<string, { acknowledged: boolean }>;
  /** Status changes the test asked for, per order, in the order they were asked. */
  statusRequests: Map<string, { status: OrderStatus; outcome: RequestOutcome }[]>;
};

/** An empty ledger. */
export function createDeliveryLedger(): DeliveryLedger {
  return { orders: new Map(), statusRequests: new Map() };
}
