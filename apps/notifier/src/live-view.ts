import type { Notification, OrderStatus } from '@order-service/contracts';
import { countPieces } from './build-notification.ts';
import { formatRoubles } from './format-roubles.ts';
import type { NotificationLocale } from './notification-locale.ts';
import type { StoredOrder } from './order-repository.ts';

/** One row of the live page's order table. */
export interface OrderView {
  order_id: string;
  customer_id: string;
  total_amount: number;
  total_text: string;
  item_count: number;
  status: OrderStatus;
  status_updated_at: string;
  created_at: string;
}

/** What the live page receives on connect. */
export interface LiveSnapshot {
  orders: OrderView[];
  notifications: Notification[];
}

/** An update the live page receives as it happens. */
export type LiveEvent =
  | { type: 'order'; order: OrderView }
  | { type: 'notification'; notification: Notification; order: OrderView };

/** Turns a stored order into the row the live page shows. */
export function toOrderView(stored: StoredOrder, locale: NotificationLocale): OrderView {
  return {
    order_id: stored.order.order_id,
    customer_id: stored.order.customer_id,
    total_amount: stored.order.total_amount,
    total_text: formatRoubles(stored.order.total_amount, locale),
    item_count: countPieces(stored.order),
    status: stored.status,
    status_updated_at: stored.statusUpdatedAt,
    created_at: stored.order.created_at,
  };
}
