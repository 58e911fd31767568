import type { Logger } from 'pino';
import { openPgliteStore } from './pglite-store.ts';
import { openPostgresStore } from './postgres-store.ts';
import type { Store } from './store.ts';

/** Options of `openStore`: PostgreSQL when `databaseUrl` is set, PGlite otherwise. */
export interface OpenStoreOptions {
  databaseUrl?: string | undefined;
  /** PGlite folder; in memory when absent (tests). */
  dataDir?: string | undefined;
  /** Schema for the tables (lower-case identifier), created if missing. Default `public`. */
  schema?: string | undefined;
  maxConnections?: number;
  logger: Logger;
}

/** Opens the app's store; one SQL dialect for both engines. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new TypeError(`Invalid schema name "${schema}": use lower-case letters, digits and underscores.`);
  }
  const log = options.logger.child({ component: 'store' });
  if (options.databaseUrl !== undefined) {
    const store = await openPostgresStore({
      databaseUrl: options.databaseUrl,
      schema,
      ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    });
    log.info({ kind: store.kind, schema }, 'store opened');
    return store;
  }
  const store = await openPgliteStore({ dataDir: options.dataDir, schema });
  log.info({ kind: store.kind, schema, dataDir: options.dataDir ?? 'memory' }, 'store opened');
  return store;
}
