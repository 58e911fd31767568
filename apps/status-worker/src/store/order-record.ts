import type { OrderStatus } from '@order-service/contracts';
import { ORDER_STATUSES } from '@order-service/contracts';

/** An order as the status-worker stores it: its current status and where it came from. */
export interface OrderRecord {
  orderId: string;
  status: OrderStatus;
  version: number;
  updatedAt: string;
  /** The order as received, in canonical JSON. */
  payload: string;
  traceparent: string | null;
  source: RecordLocation;
}

/** Where a record sits in Kafka: enough to find it again and to recognise a redelivery. */
export interface RecordLocation {
  topic: string;
  partition: number;
  offset: string;
}

/** One status an order reached, as the history shows it. */
export interface StatusHistoryEntry {
  status: OrderStatus;
  changedAt: string;
  comment: string | null;
  /** The x-event-id of the OrderStatusChanged published for it; null for NEW, which is not published. */
  eventId: string | null;
}

/** The columns of `orders` as the drivers return them. */
export interface OrderRow {
  order_id: string;
  status: string;
  version: number;
  updated_at: string;
  payload: string;
  traceparent: string | null;
  source_topic: string;
  source_partition: number;
  source_offset: string;
}

/** The columns of `order_status_history` as the drivers return them. */
export interface HistoryRow {
  status: string;
  changed_at: string;
  comment: string | null;
  event_id: string | null;
}

/** Reads a status column, refusing anything outside the contract (a corrupted or foreign row). */
export function toOrderStatus(value: string): OrderStatus {
  const status = ORDER_STATUSES.find((known) => known === value);
  if (status === undefined) throw new TypeError(`orders table holds an unknown status "${value}"`);
  return status;
}

/** Maps an `orders` row to an {@link OrderRecord}. */
export function toOrderRecord(row: OrderRow): OrderRecord {
  return {
    orderId: row.order_id,
    status: toOrderStatus(row.status),
    version: Number(row.version),
    updatedAt: row.updated_at,
    payload: row.payload,
    traceparent: row.traceparent,
    source: { topic: row.source_topic, partition: Number(row.source_partition), offset: row.source_offset },
  };
}

/** Maps an `order_status_history` row to a {@link StatusHistoryEntry}. */
export function toStatusHistoryEntry(row: HistoryRow): StatusHistoryEntry {
  return {
    status: toOrderStatus(row.status),
    changedAt: row.changed_at,
    comment: row.comment,
    eventId: row.event_id,
  };
}
