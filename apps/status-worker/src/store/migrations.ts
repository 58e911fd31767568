/**
 * The status-worker's tables, applied in order by the runtime's `migrate` (the runtime adds its
 * own outbox table). One SQL dialect for PostgreSQL and PGlite.
 *
 * - `orders`: one row per order_id ever received, its current status and a `version` bumped on
 *   every change (a second guard beside the row lock). `payload` is the order as decoded, in
 *   canonical JSON, to tell a repeat from a conflicting duplicate; `source_*` is where the first
 *   copy came from, to tell a redelivery of that same record from a duplicate.
 * - `order_status_history`: every status an order reached, in order. A status is reached at most
 *   once per order (the lifecycle has no cycles), which the unique key enforces, so a bug or a race
 *   can never record, and so never publish, one status twice.
 * Times are RFC 3339 text exactly as published, so what the API shows equals what went on the wire.
 */
export const STATUS_WORKER_MIGRATIONS: readonly { id: string; sql: string }[] = [
  {
    id: 'status-worker-001-orders',
    sql: `
      CREATE TABLE orders (
        order_id text PRIMARY KEY,
        status text NOT NULL,
        version integer NOT NULL,
        updated_at text NOT NULL,
        payload text NOT NULL,
        traceparent text,
        source_topic text NOT NULL,
        source_partition integer NOT NULL,
        source_offset text NOT NULL,
        received_at text NOT NULL
      );
      CREATE TABLE order_status_history (
        order_id text NOT NULL REFERENCES orders (order_id),
        sequence integer NOT NULL,
        status text NOT NULL,
        changed_at text NOT NULL,
        comment text,
        event_id text,
        PRIMARY KEY (order_id, sequence),
        UNIQUE (order_id, status)
      );
    `,
  },
];
