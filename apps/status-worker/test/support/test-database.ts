import { randomUUID } from 'node:crypto';
import { createLogger, openStore } from '@order-service/runtime';

/** The PostgreSQL server of the integration tests (`pnpm pg:start` prints it). */
export function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    throw new Error('TEST_DATABASE_URL is not set: run `pnpm pg:start` and export the URL it prints.');
  }
  return url;
}

/** A database created for one test, and how to drop it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a fresh database with a random name on the test server, so tests never share tables. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = requireTestDatabaseUrl();
  const name = `status_worker_${randomUUID().replaceAll('-', '')}`;
  const admin = await openStore({
    databaseUrl: serverUrl,
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = await openStore({
        databaseUrl: serverUrl,
        logger: createLogger({ name: 'test', level: 'silent' }),
      });
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.close();
      }
    },
  };
}
