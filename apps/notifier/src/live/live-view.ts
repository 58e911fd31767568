import { countPieces } from '../notifications/build-notification.ts';
import { formatRoubles } from '../notifications/format-roubles.ts';
import type { NotificationLocale } from '../notifications/notification-locale.ts';
import type { StoredOrder } from '../store/order-repository.ts';
import type { OrderView } from './live-messages.ts';

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
