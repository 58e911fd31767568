import { createHash } from 'node:crypto';
import type { OrderStatus } from './schemas/order-status.ts';

/** The UUID namespace of Order Service event ids (fixed forever: changing it changes every id). */
export const EVENT_ID_NAMESPACE = '6f0d6a52-0c59-4f7e-9a0b-3c0b8f1d2e47';

const defaultNamespaceBytes = Buffer.from(EVENT_ID_NAMESPACE.replaceAll('-', ''), 'hex');

/** RFC 9562 UUID version 5 (SHA-1) of `name` in a namespace (default `EVENT_ID_NAMESPACE`); any language can recompute it. */
export function uuidV5(name: string, namespace?: string): string {
  const namespaceBytes =
    namespace === undefined ? defaultNamespaceBytes : Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The event id of an order's `OrderCreated`: UUID v5 of `OrderCreated:<order_id>` (an order is created once). */
export function orderCreatedEventId(orderId: string): string {
  return uuidV5(`OrderCreated:${orderId}`);
}

/** The event id of a status change: UUID v5 of `OrderStatusChanged:<order_id>:<status>` (a status is reached at most once). */
export function statusChangedEventId(orderId: string, status: OrderStatus): string {
  return uuidV5(`OrderStatusChanged:${orderId}:${status}`);
}

/** The `notification_id` of the notification for a status event: UUID v5 of `Notification:<status event id>`. */
export function notificationId(statusEventId: string): string {
  return uuidV5(`Notification:${statusEventId}`);
}
