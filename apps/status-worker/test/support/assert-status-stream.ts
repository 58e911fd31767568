import {
  canTransition,
  decodeOrderStatusChanged,
  HEADERS,
  type OrderStatus,
  type OrderStatusChanged,
  statusChangedEventId,
} from '@order-service/contracts';
import type { ReadRecord } from '@order-service/test-support';

/** Status events of one order, in topic order. */
export type StatusEventsByOrder = Map<string, OrderStatusChanged[]>;

/**
 * Checks every record of an orders.status topic against the contract and the lifecycle, and
 * returns them per order. Throws, naming the record, when a record does not decode, is keyed by
 * something other than its order_id, lacks the contract headers or has a wrong event id, or when
 * an order's statuses do not form a path the lifecycle allows from NEW, each status once.
 */
export function checkStatusStream(records: readonly ReadRecord[]): StatusEventsByOrder {
  const byOrder: StatusEventsByOrder = new Map();
  for (const record of records) {
    const where = `${record.topic}/${record.partition}@${record.offset}`;
    const decoded = decodeOrderStatusChanged(record.value);
    if (!decoded.ok) throw new Error(`${where} does not decode: ${decoded.error.message}`);
    const event = decoded.value;
    if (record.key !== event.order_id)
      throw new Error(`${where} is keyed ${record.key}, not ${event.order_id}`);
    if (record.headers[HEADERS.contentType] !== 'application/json')
      throw new Error(`${where} lacks content-type`);
    if (record.headers[HEADERS.messageName] !== 'OrderStatusChanged')
      throw new Error(`${where} lacks x-message-name`);
    const expectedId = statusChangedEventId(event.order_id, event.status);
    if (record.headers[HEADERS.eventId] !== expectedId)
      throw new Error(`${where} has event id ${record.headers[HEADERS.eventId]}`);
    const events = byOrder.get(event.order_id) ?? [];
    events.push(event);
    byOrder.set(event.order_id, events);
  }
  for (const [orderId, events] of byOrder) {
    let previous: OrderStatus = 'NEW';
    for (const event of events) {
      if (!canTransition(previous, event.status)) {
        const path = events.map((entry) => entry.status).join(' -> ');
        throw new Error(
          `order ${orderId} went ${previous} -> ${event.status}, not a lifecycle step (NEW -> ${path})`,
        );
      }
      previous = event.status;
    }
  }
  return byOrder;
}
