/**
 * The notifier's tables, applied in order by the runtime's migrate(). Payloads are kept as the
 * exact JSON text that travels on Kafka (text, not jsonb), so the webhook body and the published
 * record are byte for byte the same message.
 */
export const notifierMigrations: { id: string; sql: string }[] = [
  {
    id: 'notifier-0001-orders-notifications-deliveries',
    sql: `
CREATE TABLE orders_seen (
  order_id text PRIMARY KEY,
  payload text NOT NULL,
  status text NOT NULL,
  status_updated_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_seen_status_updated_at_idx ON orders_seen (status_updated_at DESC);

-- Status changes that arrived before their order: completed (and deleted) when the order arrives.
CREATE TABLE pending_status_events (
  status_event_id text PRIMARY KEY,
  order_id text NOT NULL,
  payload text NOT NULL,
  traceparent text,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_status_events_order_id_idx ON pending_status_events (order_id);

-- The primary key is the dedupe: notification_id is derived from the status event id.
CREATE TABLE notifications (
  notification_id uuid PRIMARY KEY,
  status_event_id text NOT NULL,
  order_id text NOT NULL,
  payload text NOT NULL,
  position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deliveries (
  notification_id uuid NOT NULL REFERENCES notifications (notification_id),
  channel text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error_code text,
  last_error text,
  delivered_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, channel)
);
CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE state = 'pending';

-- Deliveries that used up their attempts (or were refused for good), kept for an operator.
CREATE TABLE delivery_dead_letters (
  notification_id uuid NOT NULL,
  channel text NOT NULL,
  attempts integer NOT NULL,
  error_code text NOT NULL,
  reason text NOT NULL,
  payload text NOT NULL,
  dead_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, channel)
);
`,
  },
];
