import { createTestSchema } from '@order-service/test-support';
import type { Logger } from '../../src/logging/create-logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

/** The engines a test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A fresh database for one test: PGlite in memory, or a new schema on the test PostgreSQL. */
export async function freshDatabase(
  engine: 'pglite' | 'postgres',
  logger: Logger,
): Promise<{ open: () => Promise<Store>; drop: () => Promise<void>; schema: string }> {
  if (engine === 'pglite') {
    let shared: Store | undefined;
    // PGlite is one process: every "instance" of a test shares the one in-memory database.
    return {
      schema: 'public',
      open: async () => {
        shared ??= await openStore({ logger });
        return shared;
      },
      drop: async () => {
        await shared?.close();
      },
    };
  }
  const { url: databaseUrl, schema, drop } = createTestSchema('t');
  return {
    schema,
    open: () => openStore({ databaseUrl, schema, logger, maxConnections: 5 }),
    drop,
  };
}
