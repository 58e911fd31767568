import type { Notification } from '@order-service/contracts';
import type { Queryable } from '@order-service/runtime';
import type { DeliveryChannelName } from './delivery-channel.ts';

/**
 * Stores a notification and one pending delivery per enabled channel. Returns false, writing
 * nothing, when its notification_id is already stored: that is how a redelivered status change
 * is recognised.
 */
export async function saveNotification(
  queryable: Queryable,
  options: {
    notification: Notification;
    body: string;
    statusEventId: string;
    channels: DeliveryChannelName[];
  },
): Promise<boolean> {
  const { notification, body, statusEventId, channels } = options;
  const inserted = await queryable.query(
    `INSERT INTO notifications (notification_id, status_event_id, order_id, payload)
     VALUES ($1, $2, $3, $4) ON CONFLICT (notification_id) DO NOTHING`,
    [notification.notification_id, statusEventId, notification.order_id, body],
  );
  if (inserted.rowCount !== 1) return false;
  for (const channel of channels) {
    await queryable.query('INSERT INTO deliveries (notification_id, channel) VALUES ($1, $2)', [
      notification.notification_id,
      channel,
    ]);
  }
  return true;
}

/** Whether the notification with this id is stored already. */
export async function hasNotification(queryable: Queryable, notificationId: string): Promise<boolean> {
  const result = await queryable.query('SELECT 1 FROM notifications WHERE notification_id = $1', [
    notificationId,
  ]);
  return result.rows.length > 0;
}

/** The latest stored notifications, newest first. */
export async function listLatestNotifications(queryable: Queryable, limit: number): Promise<Notification[]> {
  const result = await queryable.query<{ payload: string }>(
    'SELECT payload FROM notifications ORDER BY position DESC LIMIT $1',
    [limit],
  );
  return result.rows.map((row) => JSON.parse(row.payload) as Notification);
}
