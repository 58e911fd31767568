import type { Migration } from '../store/apply-migrations.ts';

/**
 * The runtime's tables. `outbox` holds messages to publish; `outbox_offsets` remembers, per topic
 * partition, where the relay's last acknowledged batch began, so that after a crash between the
 * broker's ack and the mark the relay can read the tail of each partition and recognise its own
 * records by their `x-event-id` header instead of publishing them again.
 */
export const outboxMigrations: readonly Migration[] = [
  {
    id: 'runtime/0001_outbox',
    sql: `
      CREATE TABLE outbox (
        id BIGSERIAL PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        topic TEXT NOT NULL,
        message_key TEXT,
        message_value TEXT NOT NULL,
        headers JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        published_at TIMESTAMPTZ
      );
      CREATE INDEX outbox_pending_idx ON outbox (id) WHERE published_at IS NULL;
      CREATE TABLE outbox_offsets (
        topic TEXT NOT NULL,
        partition INTEGER NOT NULL,
        scan_from BIGINT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (topic, partition)
      );
    `,
  },
  {
    // A stable, per-database id for the relay's Kafka transactional id: every instance on one
    // database shares it, so a new leader fences a previous one (a "zombie") at the broker.
    id: 'runtime/0002_outbox_relay_identity',
    sql: `
      CREATE TABLE outbox_relay_identity (
        singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
        relay_id TEXT NOT NULL
      );
      INSERT INTO outbox_relay_identity (relay_id) VALUES (gen_random_uuid()::text);
    `,
  },
  {
    // A row the broker refuses even alone (larger than the topic's max.message.bytes, or an
    // invalid record) is set aside instead of blocking every row behind it: the relay skips it,
    // counts it in outbox_set_aside_messages and /ready, and an operator republishes it by
    // clearing set_aside_at once the topic admits it.
    id: 'runtime/0003_outbox_set_aside',
    sql: `
      ALTER TABLE outbox ADD COLUMN set_aside_at TIMESTAMPTZ;
      ALTER TABLE outbox ADD COLUMN set_aside_reason TEXT;
      CREATE INDEX outbox_set_aside_idx ON outbox (id) WHERE published_at IS NULL AND set_aside_at IS NOT NULL;
    `,
  },
];
