import { decodeOrder, type Order } from '@order-service/contracts';
import type { Queryable } from '@order-service/runtime';

/** Inserts the order unless its id exists; true when this call inserted it. */
export async function insertOrderIfAbsent(tx: Queryable, order: Order, payload: string): Promise<boolean> {
  // ON CONFLICT DO NOTHING waits for a concurrent insert of the same id to commit or roll back,
  // so exactly one of many concurrent requests (across instances) inserts, and only it enqueues.
  const result = await tx.query(
    `INSERT INTO orders (order_id, customer_id, total_amount, created_at, payload)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
    [order.order_id, order.customer_id, order.total_amount, order.created_at, payload],
  );
  return result.rows.length === 1;
}

/** A stored order with its publication state. */
export interface StoredOrder {
  order: Order;
  payload: string;
  publishedAt: Date | null;
}

/** Reads an order and whether its OrderCreated record was acknowledged by Kafka. */
export async function findOrder(
  store: Queryable,
  orderId: string,
  eventId: string,
): Promise<StoredOrder | undefined> {
  const result = await store.query<{ payload: string; published_at: Date | string | null }>(
    `SELECT o.payload, ob.published_at
     FROM orders o LEFT JOIN outbox ob ON ob.event_id = $2
     WHERE o.order_id = $1`,
    [orderId, eventId],
  );
  const row = result.rows[0];
  if (row === undefined) return undefined;
  const decoded = decodeOrder(row.payload);
  // The payload was encoded by this service; failing to decode it means the table was tampered with.
  if (!decoded.ok) throw decoded.error;
  const publishedAt = row.published_at === null ? null : new Date(row.published_at);
  return { order: decoded.value, payload: row.payload, publishedAt };
}
