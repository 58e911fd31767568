import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { requireTestDatabaseUrl } from './test-database-url.ts';
import { uniqueIdentifier } from './unique-identifier.ts';

/** A PGlite folder of one test; `remove` deletes it. */
export interface FreshPgliteDir {
  dataDir: string;
  remove(): Promise<void>;
}

/** A new empty folder under the system's temp folder for an embedded PGlite store. */
export function freshPgliteDir(prefix = 'order-service-test-'): FreshPgliteDir {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  return { dataDir, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A database created for one test on the test server, and how to drop it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates a database with a random name on TEST_DATABASE_URL's server, so tests never share tables. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = requireTestDatabaseUrl();
  const name = uniqueIdentifier(prefix);
  await runSql(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => runSql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A schema name for one test in TEST_DATABASE_URL's database (the app creates it), and how to drop it. */
export interface TestSchema {
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** A fresh schema name on the test database; `drop` removes the schema with everything in it. */
export function createTestSchema(prefix: string): TestSchema {
  const url = requireTestDatabaseUrl();
  const schema = uniqueIdentifier(prefix);
  return { url, schema, drop: () => runSql(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
