import type { Notification } from '@order-service/contracts';
import type { Queryable } from '@order-service/runtime';
import type { DeliveryChannelName } from '../delivery/delivery-channel.ts';

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
  // One statement: the notification and its deliveries (none when it was stored already).
  const inserted = await queryable.query<{ inserted: number }>(
    `WITH notification AS (
       INSERT INTO notifications (notification_id, status_event_id, order_id, payload)
       VALUES ($1, $2, $3, $4) ON CONFLICT (notification_id) DO NOTHING
       RETURNING notification_id
     ), delivery AS (
       INSERT INTO deliveries (notification_id, channel)
       SELECT notification.notification_id, channel FROM notification, unnest($5::text[]) AS channel
     )
     SELECT count(*)::integer AS inserted FROM notification`,
    [notification.notification_id, statusEventId, notification.order_id, body, channels],
  );
  return inserted.rows[0]?.inserted === 1;
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
