import { type OrderStatusChanged, toUtcInstant } from '@order-service/contracts';
import type { Queryable } from '@order-service/runtime';

/** A status change waiting for its order. */
export interface PendingStatusEvent {
  statusEventId: string;
  change: OrderStatusChanged;
  traceparent: string | undefined;
}

/** Keeps a status change whose order has not arrived yet; a redelivery of it changes nothing. */
export async function savePendingStatusEvent(queryable: Queryable, event: PendingStatusEvent): Promise<void> {
  await queryable.query(
    `INSERT INTO pending_status_events (status_event_id, order_id, payload, traceparent)
     VALUES ($1, $2, $3, $4) ON CONFLICT (status_event_id) DO NOTHING`,
    [event.statusEventId, event.change.order_id, JSON.stringify(event.change), event.traceparent ?? null],
  );
}

/** Removes and returns the order's waiting status changes, oldest change first. */
export async function takePendingStatusEvents(
  queryable: Queryable,
  orderId: string,
): Promise<PendingStatusEvent[]> {
  const result = await queryable.query<{
    status_event_id: string;
    payload: string;
    traceparent: string | null;
  }>(
    'DELETE FROM pending_status_events WHERE order_id = $1 RETURNING status_event_id, payload, traceparent',
    [orderId],
  );
  return (
    result.rows
      .map((row) => ({
        statusEventId: row.status_event_id,
        change: JSON.parse(row.payload) as OrderStatusChanged,
        traceparent: row.traceparent ?? undefined,
      }))
      // toUtcInstant, not Date.parse: Date.parse gives NaN for a leap second or lower-case `t`.
      .sort(
        (left, right) =>
          toUtcInstant(left.change.updated_at).getTime() - toUtcInstant(right.change.updated_at).getTime(),
      )
  );
}

/** How many status changes are waiting for their order (a metric: it should stay near zero). */
export async function countPendingStatusEvents(queryable: Queryable): Promise<number> {
  const result = await queryable.query<{ count: string | number }>(
    'SELECT count(*) AS count FROM pending_status_events',
  );
  return Number(result.rows[0]?.count ?? 0);
}
