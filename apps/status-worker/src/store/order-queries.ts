import type { OrderStatus } from '@order-service/contracts';
import type { Queryable } from '@order-service/runtime';
import {
  type HistoryRow,
  type OrderRecord,
  type OrderRow,
  type RecordLocation,
  type StatusHistoryEntry,
  toOrderRecord,
  toStatusHistoryEntry,
} from './order-record.ts';

const ORDER_COLUMNS =
  'order_id, status, version, updated_at, payload, traceparent, source_topic, source_partition, source_offset';

/** What {@link insertNewOrder} stores for a newly received order. */
export interface NewOrder {
  orderId: string;
  status: OrderStatus;
  at: string;
  payload: string;
  traceparent: string | null;
  source: RecordLocation;
  receivedAt: string;
}

/**
 * Inserts a new order with its first statuses (sequence 1, 2, ...), unless its order_id is
 * already stored; true when this call inserted it. One statement (a data-modifying CTE) because
 * the intake runs it for every record. In PostgreSQL a concurrent insert of the same id waits for
 * the other transaction, so exactly one wins.
 */
export async function insertNewOrder(
  tx: Queryable,
  order: NewOrder,
  firstStatuses: readonly StatusWrite[],
): Promise<boolean> {
  const params: unknown[] = [
    order.orderId,
    order.status,
    order.at,
    order.payload,
    order.traceparent,
    order.source.topic,
    order.source.partition,
    order.source.offset,
    order.receivedAt,
  ];
  const entries = firstStatuses.map((write, index) => {
    const base = params.length;
    params.push(index + 1, write.status, write.at, write.comment, write.eventId);
    return `($${base + 1}::integer, $${base + 2}::text, $${base + 3}::text, $${base + 4}::text, $${base + 5}::text)`;
  });
  const result = await tx.query<{ order_id: string }>(
    `WITH inserted AS (
       INSERT INTO orders (order_id, status, version, updated_at, payload, traceparent,
                           source_topic, source_partition, source_offset, received_at)
       VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (order_id) DO NOTHING
       RETURNING order_id
     )
     INSERT INTO order_status_history (order_id, sequence, status, changed_at, comment, event_id)
     SELECT inserted.order_id, entry.sequence, entry.status, entry.changed_at, entry.comment, entry.event_id
     FROM inserted, (VALUES ${entries.join(', ')}) AS entry (sequence, status, changed_at, comment, event_id)
     RETURNING order_id`,
    params,
  );
  return result.rows.length > 0;
}

/** Reads an order and locks its row until the transaction ends, so changes to one order queue up. */
export async function findOrderForUpdate(tx: Queryable, orderId: string): Promise<OrderRecord | undefined> {
  const result = await tx.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = $1 FOR UPDATE`,
    [orderId],
  );
  const row = result.rows[0];
  return row === undefined ? undefined : toOrderRecord(row);
}

/** Reads an order without locking it. */
export async function findOrder(store: Queryable, orderId: string): Promise<OrderRecord | undefined> {
  const result = await store.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = $1`, [
    orderId,
  ]);
  const row = result.rows[0];
  return row === undefined ? undefined : toOrderRecord(row);
}

/** Every status the order reached, oldest first. */
export async function listStatusHistory(store: Queryable, orderId: string): Promise<StatusHistoryEntry[]> {
  const result = await store.query<HistoryRow>(
    `SELECT status, changed_at, comment, event_id FROM order_status_history
     WHERE order_id = $1 ORDER BY sequence`,
    [orderId],
  );
  return result.rows.map(toStatusHistoryEntry);
}

/** One new status for {@link updateOrderStatus} and {@link appendStatusHistory}. */
export interface StatusWrite {
  orderId: string;
  status: OrderStatus;
  at: string;
  comment: string | null;
  eventId: string | null;
}

/**
 * Moves the order to a new status if it is still at `expectedVersion`; false when another writer
 * got there first (the caller's lock makes that impossible, this is the second guard).
 */
export async function updateOrderStatus(
  tx: Queryable,
  write: StatusWrite,
  expectedVersion: number,
): Promise<boolean> {
  const result = await tx.query<{ version: number }>(
    `UPDATE orders SET status = $2, updated_at = $3, version = version + 1
     WHERE order_id = $1 AND version = $4
     RETURNING version`,
    [write.orderId, write.status, write.at, expectedVersion],
  );
  return result.rows.length === 1;
}

/** Adds a status to the order's history, after the last one. */
export async function appendStatusHistory(tx: Queryable, write: StatusWrite): Promise<void> {
  await tx.query(
    `INSERT INTO order_status_history (order_id, sequence, status, changed_at, comment, event_id)
     SELECT $1, COALESCE(MAX(sequence), 0) + 1, $2, $3, $4, $5
     FROM order_status_history WHERE order_id = $1`,
    [write.orderId, write.status, write.at, write.comment, write.eventId],
  );
}
