import { decodeOrder, type Order, orderCreatedEventId } from '@order-service/contracts';
import { findEventPublication, type Queryable } from '@order-service/runtime';

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

/** An accepted order with the publication state of its OrderCreated record. */
export interface AcceptedOrderRow {
  order: Order;
  payload: string;
  publishedAt: Date | null;
}

/** Reads an order and whether its OrderCreated record was acknowledged by Kafka. */
export async function findOrder(store: Queryable, orderId: string): Promise<AcceptedOrderRow | undefined> {
  const result = await store.query<{ payload: string }>('SELECT payload FROM orders WHERE order_id = $1', [
    orderId,
  ]);
  const row = result.rows[0];
  if (row === undefined) return undefined;
  const decoded = decodeOrder(row.payload);
  // The payload was encoded by this service; failing to decode it means the table was tampered with.
  if (!decoded.ok) throw decoded.error;
  const publication = await findEventPublication(store, orderCreatedEventId(orderId));
  const publishedAt = publication?.state === 'published' ? publication.publishedAt : null;
  return { order: decoded.value, payload: row.payload, publishedAt };
}
