/** A message to publish, written to the outbox inside the app's own transaction. */
export interface OutboxMessage {
  topic: string;
  /** The record key (the order id); null for unkeyed records. */
  key: string | null;
  /** The record value: serialized JSON. */
  value: string;
  headers: Readonly<Record<string, string>>;
  /** Deterministic id of the event; also sent as the `x-event-id` header. Enqueued once per id. */
  eventId: string;
}

/** The header carrying the event id; the relay's crash recovery recognises its records by it. */
export const EVENT_ID_HEADER = 'x-event-id';

/** The store event emitted after a transaction that enqueued outbox messages commits. */
export const OUTBOX_COMMITTED_EVENT = 'outbox';

/** The NOTIFY channel (per schema) that wakes relays of other instances on one PostgreSQL. */
export function outboxChannel(schema: string): string {
  return `outbox_wakeup_${schema}`;
}
