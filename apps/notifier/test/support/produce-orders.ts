import {
  createRecordHeaders,
  encodeOrder,
  encodeOrderStatusChanged,
  type Order,
  type OrderStatusChanged,
  orderCreatedEventId,
  statusChangedEventId,
} from '@order-service/contracts';
import { produceRecords } from '@order-service/test-support';
import type { Kafka } from 'kafkajs';

/** The record status-worker would publish for a status change (key, value, headers). */
export function statusRecord(change: OrderStatusChanged) {
  return {
    key: change.order_id,
    value: encodeOrderStatusChanged(change),
    headers: createRecordHeaders({
      messageName: 'OrderStatusChanged',
      eventId: statusChangedEventId(change.order_id, change.status),
    }),
  };
}

/** The record order-producer would publish for an order. */
export function orderRecord(order: Order) {
  return {
    key: order.order_id,
    value: encodeOrder(order),
    headers: createRecordHeaders({
      messageName: 'OrderCreated',
      eventId: orderCreatedEventId(order.order_id),
    }),
  };
}

/** Produces orders to the test's created topic. */
export async function produceOrders(kafka: Kafka, topic: string, orders: Order[]): Promise<void> {
  await produceRecords(kafka, topic, orders.map(orderRecord));
}

/** Produces status changes to the test's status topic. */
export async function produceStatusChanges(kafka: Kafka, topic: string, changes: OrderStatusChanged[]) {
  await produceRecords(kafka, topic, changes.map(statusRecord));
}
