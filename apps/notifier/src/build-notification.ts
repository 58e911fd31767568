import {
  type Notification,
  notificationId,
  type Order,
  type OrderStatusChanged,
} from '@order-service/contracts';
import { localeTags, type NotificationLocale } from './notification-locale.ts';
import { renderNotificationText } from './notification-templates.ts';

/** The number of pieces in an order (quantities summed), as a customer counts them. */
export function countPieces(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.quantity, 0);
}

/**
 * Builds the one notification of a status change. Every field comes from the order, the change and
 * its event id (created_at is the change's updated_at, not "now"), so a redelivered change renders
 * the very same message under the very same notification_id.
 */
export function buildNotification(options: {
  order: Order;
  change: OrderStatusChanged;
  statusEventId: string;
  locale: NotificationLocale;
}): Notification {
  const { order, change, statusEventId, locale } = options;
  const { title, text } = renderNotificationText(
    {
      orderId: order.order_id,
      status: change.status,
      totalAmount: order.total_amount,
      itemCount: countPieces(order),
      comment: change.comment,
    },
    locale,
  );
  return {
    notification_id: notificationId(statusEventId),
    order_id: order.order_id,
    customer_id: order.customer_id,
    status: change.status,
    channel: 'webhook',
    locale: localeTags[locale],
    title,
    text,
    total_amount: order.total_amount,
    created_at: change.updated_at,
  };
}
