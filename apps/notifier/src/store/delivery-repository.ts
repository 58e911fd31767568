import type { Queryable, Store } from '@order-service/runtime';
import type { DeliveryChannelName } from '../delivery/delivery-channel.ts';

/** A delivery taken by this worker for a while (its lease), with the message to deliver. */
export interface ClaimedDelivery {
  notificationId: string;
  channel: DeliveryChannelName;
  /** Attempts made before this one. */
  attempts: number;
  body: string;
}

interface ClaimedRow {
  notification_id: string;
  channel: DeliveryChannelName;
  attempts: number;
  payload: string;
}

/**
 * Takes up to `limit` due deliveries of the given channels and leases them for `leaseMs`, so
 * another notifier instance on the same PostgreSQL skips them (SKIP LOCKED) and a crashed worker's
 * deliveries become due again when the lease runs out.
 */
export async function claimDueDeliveries(
  store: Store,
  options: { channels: readonly DeliveryChannelName[]; limit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const result = await store.query<ClaimedRow>(
    `WITH due AS (
       SELECT notification_id, channel FROM deliveries
       WHERE state = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
         AND channel = ANY($1::text[])
       ORDER BY next_attempt_at
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE deliveries AS d SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
     FROM due, notifications AS n
     WHERE d.notification_id = due.notification_id AND d.channel = due.channel
       AND n.notification_id = d.notification_id
     RETURNING d.notification_id, d.channel, d.attempts, n.payload`,
    [options.channels, options.limit, options.leaseMs],
  );
  return result.rows.map((row) => ({
    notificationId: row.notification_id,
    channel: row.channel,
    attempts: Number(row.attempts),
    body: row.payload,
  }));
}

/** Records a successful delivery, once: a delivery already recorded is left as it is. */
export async function recordDelivered(queryable: Queryable, delivery: ClaimedDelivery): Promise<void> {
  await queryable.query(
    `UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = now(),
       lease_until = NULL, last_error_code = NULL, last_error = NULL, updated_at = now()
     WHERE notification_id = $1 AND channel = $2 AND state = 'pending'`,
    [delivery.notificationId, delivery.channel],
  );
}

/** Records a failed attempt and when to try again. */
export async function recordRetry(
  queryable: Queryable,
  delivery: ClaimedDelivery,
  failure: { code: string; message: string; delayMs: number },
): Promise<void> {
  await queryable.query(
    `UPDATE deliveries SET attempts = attempts + 1, lease_until = NULL, last_error_code = $3, last_error = $4,
       next_attempt_at = now() + make_interval(secs => $5::double precision / 1000), updated_at = now()
     WHERE notification_id = $1 AND channel = $2 AND state = 'pending'`,
    [delivery.notificationId, delivery.channel, failure.code, failure.message, failure.delayMs],
  );
}

/**
 * Gives a delivery up: marks it failed with the reason and copies it to delivery_dead_letters,
 * in one transaction, where an operator can find and replay it.
 */
export async function recordDeadLetter(
  store: Store,
  delivery: ClaimedDelivery,
  failure: { code: string; message: string },
): Promise<void> {
  await store.transaction(async (tx) => {
    const updated = await tx.query(
      `UPDATE deliveries SET state = 'failed', attempts = attempts + 1, lease_until = NULL,
         last_error_code = $3, last_error = $4, updated_at = now()
       WHERE notification_id = $1 AND channel = $2 AND state = 'pending'`,
      [delivery.notificationId, delivery.channel, failure.code, failure.message],
    );
    if (updated.rowCount !== 1) return;
    await tx.query(
      `INSERT INTO delivery_dead_letters (notification_id, channel, attempts, error_code, reason, payload)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (notification_id, channel) DO NOTHING`,
      [
        delivery.notificationId,
        delivery.channel,
        delivery.attempts + 1,
        failure.code,
        failure.message,
        delivery.body,
      ],
    );
  });
}

/** Milliseconds until the next pending delivery of these channels is due, or undefined if none. */
export async function millisecondsUntilNextDue(
  queryable: Queryable,
  channels: readonly DeliveryChannelName[],
): Promise<number | undefined> {
  const result = await queryable.query<{ wait_ms: number | string | null }>(
    `SELECT EXTRACT(EPOCH FROM (min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) - now())) * 1000
       AS wait_ms
     FROM deliveries WHERE state = 'pending' AND channel = ANY($1::text[])`,
    [channels],
  );
  const wait = result.rows[0]?.wait_ms;
  return wait === null || wait === undefined ? undefined : Math.max(0, Number(wait));
}
