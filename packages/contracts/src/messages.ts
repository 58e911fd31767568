import type { DecodeResult } from './decode-result.ts';
import { createMessageCodec } from './message-codec.ts';
import { Notification } from './schemas/notification.ts';
import { Order } from './schemas/order.ts';
import { OrderStatusChanged } from './schemas/order-status-changed.ts';

/** Codec of `OrderCreated` (payload {@link Order}) on `orders/created`. */
export const orderCreatedCodec = createMessageCodec('OrderCreated', Order);
/** Codec of `OrderStatusChanged` on `orders/status`. */
export const orderStatusChangedCodec = createMessageCodec('OrderStatusChanged', OrderStatusChanged);
/** Codec of `Notification` on `orders/notifications`. */
export const notificationCodec = createMessageCodec('Notification', Notification);

/** Decodes an `orders/created` record value (Buffer, string or parsed object) into an {@link Order}. */
export function decodeOrder(value: unknown): DecodeResult<Order> {
  return orderCreatedCodec.decode(value);
}
/** Validates an {@link Order} and returns its JSON record value; throws ContractError when invalid. */
export function encodeOrder(order: Order): string {
  return orderCreatedCodec.encode(order);
}
/** Decodes an `orders/status` record value into an {@link OrderStatusChanged}. */
export function decodeOrderStatusChanged(value: unknown): DecodeResult<OrderStatusChanged> {
  return orderStatusChangedCodec.decode(value);
}
/** Validates an {@link OrderStatusChanged} and returns its JSON record value; throws ContractError when invalid. */
export function encodeOrderStatusChanged(message: OrderStatusChanged): string {
  return orderStatusChangedCodec.encode(message);
}
/** Decodes an `orders/notifications` record value into a {@link Notification}. */
export function decodeNotification(value: unknown): DecodeResult<Notification> {
  return notificationCodec.decode(value);
}
/** Validates a {@link Notification} and returns its JSON record value; throws ContractError when invalid. */
export function encodeNotification(notification: Notification): string {
  return notificationCodec.encode(notification);
}
