import { migrate, openStore, type Store } from '@order-service/runtime';
import { testLogger } from '@order-service/test-support';
import { STATUS_WORKER_MIGRATIONS } from '../../src/store/migrations.ts';

/** A fresh in-memory PGlite store with the status-worker's tables, for fast tests of the SQL. */
export async function openMemoryStore(): Promise<Store> {
  const store = await openStore({ logger: testLogger() });
  await migrate(store, STATUS_WORKER_MIGRATIONS);
  return store;
}

/** An outbox row as the tests read it back. */
export interface OutboxRow {
  event_id: string;
  topic: string;
  message_key: string | null;
  message_value: string;
  headers: Record<string, string>;
}

/** The outbox rows of one order, in the order the relay would publish them. */
export async function readOutbox(store: Store, orderId: string): Promise<OutboxRow[]> {
  const result = await store.query<OutboxRow>(
    'SELECT event_id, topic, message_key, message_value, headers FROM outbox WHERE message_key = $1 ORDER BY id',
    [orderId],
  );
  return result.rows;
}

/** A clock that moves one second per call from a fixed start, so each change has its own time. */
export function steppingClock(start = Date.parse('2024-02-20T16:00:00Z')): () => Date {
  let calls = 0;
  return () => new Date(start + 1000 * calls++);
}
