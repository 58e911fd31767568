import type { Queryable } from '@order-service/runtime';

// Transaction-scoped advisory locks keyed by order id: every transaction that touches an order's
// notifications or its pending status changes holds its lock, across instances on one database.

/** Takes the lock of one order until the transaction ends. */
export async function lockOrder(tx: Queryable, orderId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('notifier:order:' || $1, 0))", [orderId]);
}

/**
 * Takes the locks of many orders in one statement, in the order of the lock keys: two batches
 * running at once (other partitions, the other topic) then never wait on each other in a cycle.
 */
export async function lockOrders(tx: Queryable, orderIds: readonly string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(lock_key) FROM (
       SELECT DISTINCT hashtextextended('notifier:order:' || id, 0) AS lock_key FROM unnest($1::text[]) AS id
       ORDER BY lock_key
     ) AS keys`,
    [orderIds],
  );
}
