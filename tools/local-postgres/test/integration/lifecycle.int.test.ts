import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePostgresRunning, startPostgres } from '../../src/ensure-postgres-running.ts';
import { postgresStatus } from '../../src/postgres-status.ts';
import { stopPostgres } from '../../src/stop-postgres.ts';

// A server of its own (own cache folder and port), so stopping it never disturbs the shared one.
let cacheRoot = '';
let env: Record<string, string | undefined> = {};

beforeAll(async () => {
  cacheRoot = await mkdtemp(join(tmpdir(), 'local-postgres-lifecycle-'));
  // mkdtemp makes a 0700 folder; a root session's server user must get in, or the tool would
  // fall back to /var/tmp, outside what this test cleans up.
  await chmod(cacheRoot, 0o755);
  env = { ...process.env, ORDER_SERVICE_CACHE: cacheRoot, PG_PORT: '54391' };
});

afterAll(async () => {
  await stopPostgres({ env, force: true }).catch(() => {});
  await rm(cacheRoot, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('test server lifecycle', () => {
  it('starts, stops, restarts, and keeps committed rows through a crash', async () => {
    const first = await ensurePostgresRunning({ env });
    expect(first).toMatchObject({
      alreadyRunning: false,
      url: 'postgres://postgres@127.0.0.1:54391/postgres',
    });
    expect(await ensurePostgresRunning({ env })).toMatchObject({ alreadyRunning: true, pid: first.pid });
    expect(await postgresStatus({ env })).toMatchObject({ running: true, pid: first.pid, port: 54391 });

    await query(
      first.url,
      'CREATE TABLE survivors (note text); INSERT INTO survivors VALUES ($$committed$$)',
    );

    expect(await stopPostgres({ env, force: true })).toEqual({ wasRunning: true, pid: first.pid });
    expect(await stopPostgres({ env })).toEqual({ wasRunning: false });
    expect(await postgresStatus({ env })).toMatchObject({ running: false });

    const restarted = await startPostgres({ env });
    expect(restarted.alreadyRunning).toBe(false);
    expect(await query(restarted.url, 'SELECT note FROM survivors')).toEqual([{ note: 'committed' }]);

    expect(await stopPostgres({ env })).toMatchObject({ wasRunning: true });
  });
});
