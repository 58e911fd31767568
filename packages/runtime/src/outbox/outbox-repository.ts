import type { Queryable, Store } from '../store/store.ts';

/** An outbox row waiting to be published. */
export interface PendingOutboxRow {
  id: string;
  eventId: string;
  topic: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** Where a partition's acknowledged batch began (Kafka's base offset of that batch). */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/** How far the relay is behind. */
export interface OutboxLag {
  pending: number;
  /** Age of the oldest pending message in milliseconds; 0 when nothing is pending. */
  oldestAgeMs: number;
  /** Rows set aside because the broker refuses them even alone (not counted in `pending`). */
  setAside: number;
}

interface PendingRecord {
  id: string | number;
  event_id: string;
  topic: string;
  message_key: string | null;
  message_value: string;
  headers: Record<string, string> | string;
}

/** Reads the next pending rows in id order (rows set aside are skipped). */
export async function selectPending(store: Queryable, limit: number): Promise<PendingOutboxRow[]> {
  const result = await store.query<PendingRecord>(
    `SELECT id, event_id, topic, message_key, message_value, headers
     FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY id LIMIT $1`,
    [limit],
  );
  return result.rows.map((row) => ({
    id: String(row.id),
    eventId: row.event_id,
    topic: row.topic,
    key: row.message_key,
    value: row.message_value,
    headers:
      typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers,
  }));
}

/** Marks rows published and remembers where each acknowledged partition batch began, atomically. */
export async function markPublished(
  store: Store,
  ids: readonly string[],
  offsets: readonly PartitionOffset[],
): Promise<void> {
  if (ids.length === 0) return;
  await store.transaction(async (tx) => {
    await tx.query(
      'UPDATE outbox SET published_at = now() WHERE published_at IS NULL AND id = ANY($1::bigint[])',
      [[...ids]],
    );
    await recordOffsets(tx, offsets);
  });
}

/** Marks pending rows published by event id (found on the topic by crash recovery). */
export async function markPublishedByEventIds(
  store: Store,
  eventIds: readonly string[],
  offsets: readonly PartitionOffset[],
): Promise<number> {
  return store.transaction(async (tx) => {
    let marked = 0;
    if (eventIds.length > 0) {
      const result = await tx.query(
        'UPDATE outbox SET published_at = now() WHERE published_at IS NULL AND event_id = ANY($1::text[])',
        [[...eventIds]],
      );
      marked = result.rowCount;
    }
    await recordOffsets(tx, offsets);
    return marked;
  });
}

async function recordOffsets(tx: Queryable, offsets: readonly PartitionOffset[]): Promise<void> {
  for (const offset of offsets) {
    // Base offsets only grow; GREATEST keeps a late writer from moving the scan start backwards.
    await tx.query(
      `INSERT INTO outbox_offsets (topic, partition, scan_from) VALUES ($1, $2, $3::bigint)
       ON CONFLICT (topic, partition) DO UPDATE
       SET scan_from = GREATEST(outbox_offsets.scan_from, EXCLUDED.scan_from), updated_at = now()`,
      [offset.topic, offset.partition, offset.offset],
    );
  }
}

/** Topics that have pending rows (crash recovery scans only those). */
export async function selectPendingTopics(store: Queryable): Promise<string[]> {
  const result = await store.query<{ topic: string }>(
    'SELECT DISTINCT topic FROM outbox WHERE published_at IS NULL AND set_aside_at IS NULL ORDER BY topic',
  );
  return result.rows.map((row) => row.topic);
}

/** What crash recovery looks for on one topic: its pending rows' event ids and their oldest creation. */
export interface PendingEventIds {
  eventIds: string[];
  /** `created_at` of the oldest pending row in epoch milliseconds; undefined when none is pending. */
  oldestCreatedAtMs: number | undefined;
}

/**
 * The event ids of `topic`'s pending rows (set aside ones apart: the broker refused them) and the
 * creation time of the oldest: a record of a row cannot be on the topic before the row was written.
 */
export async function selectPendingEventIds(store: Queryable, topic: string): Promise<PendingEventIds> {
  const result = await store.query<{ event_id: string; created_ms: string | number }>(
    `SELECT event_id, floor(EXTRACT(EPOCH FROM created_at) * 1000)::bigint AS created_ms
     FROM outbox WHERE topic = $1 AND published_at IS NULL AND set_aside_at IS NULL`,
    [topic],
  );
  let oldest: number | undefined;
  for (const row of result.rows) {
    const created = Number(row.created_ms);
    if (oldest === undefined || created < oldest) oldest = created;
  }
  return { eventIds: result.rows.map((row) => row.event_id), oldestCreatedAtMs: oldest };
}

/** Where recovery starts reading each partition of `topic` (partitions never written are absent). */
export async function selectScanOffsets(store: Queryable, topic: string): Promise<Map<number, string>> {
  const result = await store.query<{ partition: number; scan_from: string | number }>(
    'SELECT partition, scan_from FROM outbox_offsets WHERE topic = $1',
    [topic],
  );
  return new Map(result.rows.map((row) => [row.partition, String(row.scan_from)]));
}

/** Counts pending rows (set aside ones apart) and the age of the oldest. */
export async function selectLag(store: Queryable): Promise<OutboxLag> {
  const result = await store.query<{
    pending: string | number;
    oldest_age_ms: string | number | null;
    set_aside: string | number;
  }>(
    `SELECT count(*) FILTER (WHERE set_aside_at IS NULL) AS pending,
            (EXTRACT(EPOCH FROM (now() - min(created_at) FILTER (WHERE set_aside_at IS NULL))) * 1000)::bigint
              AS oldest_age_ms,
            count(*) FILTER (WHERE set_aside_at IS NOT NULL) AS set_aside
     FROM outbox WHERE published_at IS NULL`,
  );
  const row = result.rows[0];
  return {
    pending: Number(row?.pending ?? 0),
    oldestAgeMs:
      row?.oldest_age_ms === null || row?.oldest_age_ms === undefined ? 0 : Number(row.oldest_age_ms),
    setAside: Number(row?.set_aside ?? 0),
  };
}

/** An outbox row the relay set aside: the broker refuses it even alone. */
export interface SetAsideOutboxRow {
  id: string;
  eventId: string;
  topic: string;
  reason: string;
}

/** Sets a row aside (skipped by the relay until `set_aside_at` is cleared) with the broker's reason. */
export async function setAside(store: Queryable, id: string, reason: string): Promise<void> {
  await store.query(
    'UPDATE outbox SET set_aside_at = now(), set_aside_reason = $2 WHERE id = $1::bigint AND published_at IS NULL',
    [id, reason],
  );
}

/** The first `limit` rows set aside, in id order. */
export async function selectSetAside(store: Queryable, limit: number): Promise<SetAsideOutboxRow[]> {
  const result = await store.query<{
    id: string | number;
    event_id: string;
    topic: string;
    set_aside_reason: string | null;
  }>(
    `SELECT id, event_id, topic, set_aside_reason FROM outbox
     WHERE published_at IS NULL AND set_aside_at IS NOT NULL ORDER BY id LIMIT $1`,
    [limit],
  );
  return result.rows.map((row) => ({
    id: String(row.id),
    eventId: row.event_id,
    topic: row.topic,
    reason: row.set_aside_reason ?? '',
  }));
}

/** Where an event stands in the outbox: `pending`, `published` (with when), or undefined when no row has its id. */
export type EventPublication = { state: 'pending' } | { state: 'published'; publishedAt: Date };

/** The publication state of the outbox row with `eventId` (an app's read of "was this published?"). */
export async function findEventPublication(
  store: Queryable,
  eventId: string,
): Promise<EventPublication | undefined> {
  const result = await store.query<{ published_at: Date | string | null }>(
    'SELECT published_at FROM outbox WHERE event_id = $1',
    [eventId],
  );
  const row = result.rows[0];
  if (row === undefined) return undefined;
  return row.published_at === null
    ? { state: 'pending' }
    : { state: 'published', publishedAt: new Date(row.published_at) };
}
