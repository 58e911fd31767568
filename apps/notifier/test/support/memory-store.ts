import { migrate, openStore, type Store } from '@order-service/runtime';
import { testLogger } from '@order-service/test-support';
import { notifierMigrations } from '../../src/store/migrations.ts';

/** A fresh in-memory PGlite store with the notifier's tables, for fast tests of the SQL. */
export async function openMemoryStore(): Promise<Store> {
  const store = await openStore({ logger: testLogger() });
  await migrate(store, notifierMigrations);
  return store;
}
