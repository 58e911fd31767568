import { Notification } from './schemas/notification.ts';
import { Order } from './schemas/order.ts';
import { OrderStatusChanged } from './schemas/order-status-changed.ts';

/** The channels of the Order Service: AsyncAPI address, default Kafka topic, message and key. */
export const channels = {
  ordersCreated: {
    id: 'ordersCreated',
    address: 'orders/created',
    topic: 'orders.created',
    messageName: 'OrderCreated',
    schema: Order,
    key: 'order_id',
    description:
      '# Creating a new order\n\nThis topic is used to publish information about new orders.\n\n## Important\n* All amounts are specified in kopecks\n* All dates are in ISO 8601 format\n* Order ID must be unique\n',
  },
  ordersStatus: {
    id: 'ordersStatus',
    address: 'orders/status',
    topic: 'orders.status',
    messageName: 'OrderStatusChanged',
    schema: OrderStatusChanged,
    key: 'order_id',
    description: '# Updating order status\n\nUsed to track the lifecycle of an order\n',
  },
  ordersNotifications: {
    id: 'ordersNotifications',
    address: 'orders/notifications',
    topic: 'orders.notifications',
    messageName: 'Notification',
    schema: Notification,
    key: 'order_id',
    description:
      '# Order notifications\n\nOne notification per order status change, rendered for the customer\n',
  },
} as const;

/** The id of a channel: `ordersCreated`, `ordersStatus` or `ordersNotifications`. */
export type ChannelId = keyof typeof channels;

/** One channel's description (see {@link channels}). */
export type Channel = (typeof channels)[ChannelId];

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}
