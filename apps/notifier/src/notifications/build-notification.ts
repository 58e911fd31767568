import {
  CARRIABLE_LIMITS,
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
 * the very same message under the very same notification_id. Title and text come from the
 * templates only; the change's comment (an operator's note, or status-worker's intake text) travels
 * in the notification's own `comment` field, never inside the customer's text.
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
    ...commentField(change.comment),
    created_at: change.updated_at,
  };
}

// The consumer refuses longer comments (checkCarriableStatusChange); the cut keeps this function
// total for a change built in code, whole code points so no surrogate is split.
function commentField(comment: string | undefined): { comment?: string } {
  if (comment === undefined) return {};
  const codePoints = Array.from(comment);
  if (codePoints.length <= CARRIABLE_LIMITS.maxCommentLength) return { comment };
  return { comment: codePoints.slice(0, CARRIABLE_LIMITS.maxCommentLength).join('') };
}
