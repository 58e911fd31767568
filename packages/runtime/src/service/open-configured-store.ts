import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.ts';
import type { Migration } from '../store/apply-migrations.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { migrate } from './migrate.ts';

/**
 * Opens the store an app's configuration names (DATABASE_URL or PGlite in DATA_DIR, in
 * DATABASE_SCHEMA) and brings it up to date with the app's migrations. Closes it again when a
 * migration fails, so a failed start leaves no connection or PGlite lock behind.
 */
export async function openConfiguredStore(
  config: Readonly<Pick<ServiceConfig, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_SCHEMA'>>,
  logger: Logger,
  migrations: readonly Migration[],
): Promise<Store> {
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    schema: config.DATABASE_SCHEMA,
    logger,
  });
  try {
    await migrate(store, migrations);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
