import type { Store } from './store.ts';
import { StoreError } from './store-error.ts';

/** One schema change; `id`s sort nowhere, they apply in the order given, each once. */
export interface Migration {
  id: string;
  sql: string;
}

/**
 * Applies `all` in order, skipping those already recorded in `schema_migrations`. All of it runs
 * in one transaction holding an advisory lock, so instances starting together on one PostgreSQL
 * apply each migration exactly once. Returns the ids it applied.
 */
export async function applyMigrations(store: Store, all: readonly Migration[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const migration of all) {
    if (ids.has(migration.id)) {
      throw new StoreError(
        'RUNTIME_MIGRATION_FAILED',
        `Migration id "${migration.id}" is used twice; ids must be unique.`,
      );
    }
    ids.add(migration.id);
  }
  return store.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('schema_migrations:' || current_schema()))`);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const applied = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id),
    );
    const done: string[] = [];
    for (const migration of all) {
      if (applied.has(migration.id)) continue;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new StoreError(
          'RUNTIME_MIGRATION_FAILED',
          `Migration "${migration.id}" failed: ${(error as Error).message}. Fix its SQL; nothing was applied.`,
          { cause: error },
        );
      }
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      done.push(migration.id);
    }
    return done;
  });
}
