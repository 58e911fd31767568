import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfiguredStore } from './open-configured-store.ts';

const logger = pino({ level: 'silent' });
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshConfig() {
  const folder = mkdtempSync(join(tmpdir(), 'open-configured-store-'));
  folders.push(folder);
  return { DATABASE_URL: undefined, DATABASE_SCHEMA: undefined, DATA_DIR: folder };
}

describe('openConfiguredStore', () => {
  it('opens the configured PGlite store with the app migrations applied', async () => {
    const store = await openConfiguredStore(freshConfig(), logger, [
      { id: 'test/0001_things', sql: 'CREATE TABLE things (id int PRIMARY KEY)' },
    ]);
    try {
      await store.query('INSERT INTO things (id) VALUES (1)');
      const result = await store.query<{ count: number }>('SELECT count(*)::int AS count FROM things');
      expect(result.rows[0]?.count).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('rejects when a migration fails and leaves the data folder usable for the next start', async () => {
    const config = freshConfig();
    await expect(
      openConfiguredStore(config, logger, [{ id: 'test/0001_broken', sql: 'CREATE TABLE (' }]),
    ).rejects.toThrow();
    const store = await openConfiguredStore(config, logger, []);
    expect(store.kind).toBe('pglite');
    await store.close();
  });
});
