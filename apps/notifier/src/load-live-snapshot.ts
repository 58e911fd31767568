import type { Queryable } from '@order-service/runtime';
import { type LiveSnapshot, toOrderView } from './live-view.ts';
import type { NotificationLocale } from './notification-locale.ts';
import { listLatestNotifications } from './notification-repository.ts';
import { listRecentOrders } from './order-repository.ts';

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
