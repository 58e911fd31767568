import type { Queryable } from '@order-service/runtime';
import type { NotificationLocale } from '../notifications/notification-locale.ts';
import { listLatestNotifications } from '../store/notification-repository.ts';
import { listRecentOrders } from '../store/order-repository.ts';
import type { LiveSnapshot } from './live-messages.ts';
import { toOrderView } from './live-view.ts';

/** What a page gets on (re)connect: the most recently changed orders and the latest notifications. */
export async function loadLiveSnapshot(
  queryable: Queryable,
  locale: NotificationLocale,
  limits: { orders: number; notifications: number } = { orders: 100, notifications: 50 },
): Promise<LiveSnapshot> {
  const [orders, notifications] = [
    await listRecentOrders(queryable, limits.orders),
    await listLatestNotifications(queryable, limits.notifications),
  ];
  return { orders: orders.map((stored) => toOrderView(stored, locale)), notifications };
}
