import { RuntimeError } from '../errors.ts';
import { isTransaction, type Queryable } from '../store/store.ts';
import { EVENT_ID_HEADER, OUTBOX_COMMITTED_EVENT, type OutboxMessage } from './outbox-message.ts';

/**
 * Writes messages to the outbox inside the caller's transaction. A message whose `eventId` is
 * already in the outbox is skipped (deterministic event ids make redelivered work idempotent).
 * After commit the relay of this process is woken in-process, others through NOTIFY.
 * Returns the event ids actually inserted.
 */
export async function enqueueOutbox(tx: Queryable, messages: readonly OutboxMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const params: unknown[] = [];
  const rows: string[] = [];
  for (const message of messages) {
    validateMessage(message);
    const headers = { ...message.headers, [EVENT_ID_HEADER]: message.eventId };
    const base = params.length;
    params.push(message.eventId, message.topic, message.key, message.value, JSON.stringify(headers));
    rows.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb)`);
  }
  const inserted = await tx.query<{ event_id: string }>(
    `INSERT INTO outbox (event_id, topic, message_key, message_value, headers) VALUES ${rows.join(', ')}
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    params,
  );
  if (inserted.rows.length > 0) await wakeRelays(tx);
  return inserted.rows.map((row) => row.event_id);
}

// Transactions that already asked for a NOTIFY: one per commit is enough (batch handlers enqueue per record).
const notified = new WeakSet<object>();

async function wakeRelays(tx: Queryable): Promise<void> {
  if (!isTransaction(tx)) {
    await tx.query(`SELECT pg_notify('outbox_wakeup_' || current_schema(), '')`);
    return;
  }
  tx.emitAfterCommit(OUTBOX_COMMITTED_EVENT);
  // PGlite has a single in-process session: the after-commit event above wakes its relay.
  if (tx.storeKind === 'pglite' || notified.has(tx)) return;
  notified.add(tx);
  // NOTIFY is transactional: other instances hear it only if this transaction commits.
  await tx.query(`SELECT pg_notify('outbox_wakeup_' || current_schema(), '')`);
}

function validateMessage(message: OutboxMessage): void {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(message.topic))
    problems.push(`topic "${message.topic}" is not a legal topic name`);
  if (message.eventId.length === 0) problems.push('eventId is empty');
  if (typeof message.value !== 'string') problems.push('value must be a serialized string');
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value !== 'string') problems.push(`header "${name}" must be a string`);
  }
  if (problems.length > 0) {
    throw new RuntimeError(
      'RUNTIME_OUTBOX_MESSAGE_INVALID',
      `Cannot enqueue outbox message: ${problems.join('; ')}.`,
    );
  }
}
