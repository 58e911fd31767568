import { outboxMigrations } from '../outbox/outbox-migrations.ts';
import { applyMigrations, type Migration } from '../store/apply-migrations.ts';
import type { Store } from '../store/store.ts';

/**
 * Brings a service's database up to date: the runtime's own tables (the outbox) first, then the
 * app's `migrations`, each once (see `applyMigrations`). Returns the ids it applied.
 */
export function migrate(store: Store, migrations: readonly Migration[]): Promise<string[]> {
  return applyMigrations(store, [...outboxMigrations, ...migrations]);
}
