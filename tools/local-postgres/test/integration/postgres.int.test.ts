import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePostgresRunning } from '../../src/ensure-postgres-running.ts';

// Runs against TEST_DATABASE_URL, or starts the tool's server (`pnpm pg:start`) when it is not set.
async function databaseUrl(): Promise<string> {
  return process.env.TEST_DATABASE_URL ?? (await ensurePostgresRunning()).url;
}

const clients: pg.Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  clients.push(client);
  await client.connect();
  return client;
}

describe('the test PostgreSQL server', () => {
  it('answers queries and keeps what a transaction committed', async () => {
    const client = await connect(await databaseUrl());
    const table = `local_postgres_${randomUUID().replaceAll('-', '')}`;
    await client.query(`CREATE TABLE ${table} (id serial PRIMARY KEY, note text NOT NULL)`);
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${table} (note) VALUES ($1), ($2)`, ['first', 'second']);
      await client.query('COMMIT');
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${table} (note) VALUES ($1)`, ['rolled back']);
      await client.query('ROLLBACK');
      const rows = await client.query<{ note: string }>(`SELECT note FROM ${table} ORDER BY id`);
      expect(rows.rows.map((row) => row.note)).toEqual(['first', 'second']);
    } finally {
      await client.query(`DROP TABLE ${table}`);
    }
  });

  it('accepts enough connections for several app instances', async () => {
    const client = await connect(await databaseUrl());
    const result = await client.query<{ max_connections: string }>('SHOW max_connections');
    expect(Number(result.rows[0]?.max_connections)).toBeGreaterThanOrEqual(200);
  });
});
