import {
  channels,
  encodeOrderStatusChanged,
  HEADERS,
  type OrderStatus,
  type OrderStatusChanged,
  statusChangedEventId,
} from '@order-service/contracts';
import type { OutboxMessage } from '@order-service/runtime';

/** One status change to announce on orders/status. */
export interface StatusChange {
  orderId: string;
  status: OrderStatus;
  updatedAt: string;
  comment: string | null;
  /** W3C trace context of what caused the change, carried on so a trace spans the services. */
  traceparent: string | null;
}

/**
 * The outbox message announcing a status change: keyed by order_id (one order, one partition, in
 * order), event metadata in headers, and an event id that depends only on (order_id, status), so
 * every attempt to publish one change carries the same id.
 */
export function buildStatusChangedMessage(topic: string, change: StatusChange): OutboxMessage {
  const event: OrderStatusChanged = {
    order_id: change.orderId,
    status: change.status,
    updated_at: change.updatedAt,
    ...(change.comment === null ? {} : { comment: change.comment }),
  };
  const eventId = statusChangedEventId(change.orderId, change.status);
  const headers: Record<string, string> = {
    [HEADERS.contentType]: 'application/json',
    [HEADERS.messageName]: channels.ordersStatus.messageName,
    [HEADERS.eventId]: eventId,
  };
  if (change.traceparent !== null) headers[HEADERS.traceparent] = change.traceparent;
  return { topic, key: change.orderId, value: encodeOrderStatusChanged(event), headers, eventId };
}
