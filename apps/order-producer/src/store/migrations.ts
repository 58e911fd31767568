import type { Migration } from '@order-service/runtime';

/** order-producer's tables (the runtime adds the outbox). `payload` is the exact JSON published. */
export const ordersMigrations: readonly Migration[] = [
  {
    id: 'order-producer/0001_orders',
    sql: `
      CREATE TABLE orders (
        order_id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL,
        total_amount BIGINT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        payload TEXT NOT NULL,
        accepted_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX orders_customer_idx ON orders (customer_id, created_at);
    `,
  },
];
