import type { Order, OrderStatus } from '@order-service/contracts';
import type { Store } from '@order-service/runtime';
import { findOrder, listStatusHistory } from '../store/order-queries.ts';
import type { StatusHistoryEntry } from '../store/order-record.ts';
import { withStoreErrors } from '../store/with-store-errors.ts';

/** An order as the status-worker knows it: as received, where it stands, and how it got there. */
export interface OrderView {
  order: Order;
  status: OrderStatus;
  updatedAt: string;
  history: StatusHistoryEntry[];
}

/** Reads an order with its full status history, or undefined when it was never received. */
export function readOrder(store: Store, orderId: string): Promise<OrderView | undefined> {
  return withStoreErrors('reading an order', () =>
    store.transaction(async (tx) => {
      // One snapshot for both reads (READ COMMITTED would give each statement its own).
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const record = await findOrder(tx, orderId);
      if (record === undefined) return undefined;
      const history = await listStatusHistory(tx, orderId);
      return {
        order: JSON.parse(record.payload) as Order,
        status: record.status,
        updatedAt: record.updatedAt,
        history,
      };
    }),
  );
}
