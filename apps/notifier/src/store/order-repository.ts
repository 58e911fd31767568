import { type Order, type OrderStatus, toUtcInstant } from '@order-service/contracts';
import type { Queryable } from '@order-service/runtime';

/** An order as the notifier knows it: the OrderCreated payload and its latest status. */
export interface StoredOrder {
  order: Order;
  status: OrderStatus;
  statusUpdatedAt: string;
}

interface OrderRow {
  payload: string;
  status: OrderStatus;
  status_updated_at: Date | string;
}

function toStoredOrder(row: OrderRow): StoredOrder {
  return {
    order: JSON.parse(row.payload) as Order,
    status: row.status,
    statusUpdatedAt: new Date(row.status_updated_at).toISOString(),
  };
}

// timestamptz refuses offsets past ±15:59 and year 0000 and reads `23:59:60` as the next minute:
// the column gets the UTC instant (toUtcInstant), the wire text stays in the payload as sent.
function storedInstant(dateTime: string): string {
  return toUtcInstant(dateTime).toISOString();
}

/** Stores an order the first time it is seen; false when it was already known (a redelivery). */
export async function saveOrder(queryable: Queryable, order: Order, payload: string): Promise<boolean> {
  const result = await queryable.query(
    `INSERT INTO orders_seen (order_id, payload, status, status_updated_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING`,
    [order.order_id, payload, order.status, storedInstant(order.created_at)],
  );
  return result.rowCount === 1;
}

/** The order with this id, if it has been seen. */
export async function findOrder(queryable: Queryable, orderId: string): Promise<StoredOrder | undefined> {
  const result = await queryable.query<OrderRow>(
    'SELECT payload, status, status_updated_at FROM orders_seen WHERE order_id = $1',
    [orderId],
  );
  const row = result.rows[0];
  return row === undefined ? undefined : toStoredOrder(row);
}

/**
 * Moves the order's shown status forward. A change older than the one shown is ignored, so a
 * late pending change completed after a newer one cannot move the page backwards. Returns the
 * order as updated, or undefined when nothing changed.
 */
export async function advanceOrderStatus(
  queryable: Queryable,
  orderId: string,
  status: OrderStatus,
  updatedAt: string,
): Promise<StoredOrder | undefined> {
  const result = await queryable.query<OrderRow>(
    `UPDATE orders_seen SET status = $2, status_updated_at = $3
     WHERE order_id = $1 AND status_updated_at <= $3
     RETURNING payload, status, status_updated_at`,
    [orderId, status, storedInstant(updatedAt)],
  );
  const row = result.rows[0];
  return row === undefined ? undefined : toStoredOrder(row);
}

/** The most recently changed orders, newest first. */
export async function listRecentOrders(queryable: Queryable, limit: number): Promise<StoredOrder[]> {
  const result = await queryable.query<OrderRow>(
    `SELECT payload, status, status_updated_at FROM orders_seen
     ORDER BY status_updated_at DESC, order_id LIMIT $1`,
    [limit],
  );
  return result.rows.map(toStoredOrder);
}
