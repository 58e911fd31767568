import { cleanUpAfterEach, testLogger } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/outbox/enqueue-outbox.ts';
import { migrate } from '../../src/service/migrate.ts';
import type { Store } from '../../src/store/store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { engines, freshDatabase } from './store-test-helpers.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

const appMigrations = [
  {
    id: 'app/0001_things',
    sql: 'CREATE TABLE things (id TEXT PRIMARY KEY, n INTEGER NOT NULL); CREATE INDEX things_n ON things (n);',
  },
  {
    id: 'app/0002_counter',
    sql: 'CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0);',
  },
];

describe.each(engines)('store on %s', (engine) => {
  async function open(): Promise<Store> {
    const database = await freshDatabase(engine, logger);
    cleanups.push(database.drop);
    const store = await database.open();
    if (engine === 'postgres') cleanups.push(() => store.close());
    return store;
  }

  it('applies runtime and app migrations once, in order, and records them', async () => {
    const store = await open();
    expect(await migrate(store, appMigrations)).toEqual([
      'runtime/0001_outbox',
      'runtime/0002_outbox_relay_identity',
      'runtime/0003_outbox_set_aside',
      'app/0001_things',
      'app/0002_counter',
    ]);
    expect(await migrate(store, appMigrations)).toEqual([]);
    const recorded = await store.query<{ id: string }>(
      'SELECT id FROM schema_migrations ORDER BY applied_at, id',
    );
    expect(recorded.rows.map((row) => row.id).sort()).toEqual([
      'app/0001_things',
      'app/0002_counter',
      'runtime/0001_outbox',
      'runtime/0002_outbox_relay_identity',
      'runtime/0003_outbox_set_aside',
    ]);
  });

  it('rolls back every statement of a failed migration', async () => {
    const store = await open();
    await migrate(store, []);
    await expect(
      migrate(store, [
        { id: 'app/broken', sql: 'CREATE TABLE half (id INTEGER); SELECT no_such_function();' },
      ]),
    ).rejects.toMatchObject({ code: 'RUNTIME_MIGRATION_FAILED' });
    const tables = await store.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'half' AND table_schema = $1`,
      [store.schema],
    );
    expect(tables.rowCount).toBe(0);
  });

  it('commits, or rolls back when the callback throws, and keeps the thrown error', async () => {
    const store = await open();
    await migrate(store, appMigrations);
    await store.transaction((tx) => tx.query("INSERT INTO things VALUES ('a', 1)"));
    class AppError extends Error {}
    await expect(
      store.transaction(async (tx) => {
        await tx.query("INSERT INTO things VALUES ('b', 2)");
        throw new AppError('changed my mind');
      }),
    ).rejects.toBeInstanceOf(AppError);
    const rows = await store.query<{ id: string }>('SELECT id FROM things ORDER BY id');
    expect(rows.rows.map((row) => row.id)).toEqual(['a']);
  });

  it('reports a unique violation as a non-retryable StoreError with its SQLSTATE', async () => {
    const store = await open();
    await migrate(store, appMigrations);
    await store.query("INSERT INTO things VALUES ('a', 1)");
    const error = await store.query("INSERT INTO things VALUES ('a', 2)").catch((caught: unknown) => caught);
    expect(StoreError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'RUNTIME_STORE_QUERY_FAILED', sqlState: '23505', retryable: false });
  });

  it('keeps concurrent read-modify-write transactions from losing updates', async () => {
    const store = await open();
    await migrate(store, appMigrations);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => {
          const current = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1 FOR UPDATE');
          await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [(current.rows[0]?.n ?? 0) + 1]);
        }),
      ),
    );
    const result = await store.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
    expect(result.rows[0]?.n).toBe(20);
  });

  it('emits after-commit events only for committed transactions', async () => {
    const store = await open();
    await migrate(store, []);
    let events = 0;
    store.on('outbox', () => {
      events += 1;
    });
    const message = (eventId: string) => ({ topic: 't', key: 'k', value: '{}', headers: {}, eventId });
    await store.transaction((tx) => enqueueOutbox(tx, [message('e1'), message('e2')]));
    await store
      .transaction(async (tx) => {
        await enqueueOutbox(tx, [message('e3')]);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(events).toBe(1);
  });

  it('enqueues an event id only once', async () => {
    const store = await open();
    await migrate(store, []);
    const message = { topic: 't', key: 'k', value: '{}', headers: { a: 'b' }, eventId: 'same' };
    expect(await store.transaction((tx) => enqueueOutbox(tx, [message]))).toEqual(['same']);
    expect(await store.transaction((tx) => enqueueOutbox(tx, [message]))).toEqual([]);
    const rows = await store.query<{ headers: Record<string, string> }>('SELECT headers FROM outbox');
    expect(rows.rows).toEqual([{ headers: { a: 'b', 'x-event-id': 'same' } }]);
  });
});

describe.skipIf(!engines.includes('postgres'))(
  'store on postgres, two instances (skipped without TEST_DATABASE_URL)',
  () => {
    it('applies each migration once when instances migrate together', async () => {
      const database = await freshDatabase('postgres', logger);
      cleanups.push(database.drop);
      const stores = await Promise.all([database.open(), database.open(), database.open()]);
      for (const store of stores) cleanups.push(() => store.close());
      const applied = await Promise.all(stores.map((store) => migrate(store, appMigrations)));
      expect(applied.flat().sort()).toEqual([
        'app/0001_things',
        'app/0002_counter',
        'runtime/0001_outbox',
        'runtime/0002_outbox_relay_identity',
        'runtime/0003_outbox_set_aside',
      ]);
    });
  },
);
