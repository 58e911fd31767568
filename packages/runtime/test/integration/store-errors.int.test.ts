import { randomBytes } from 'node:crypto';
import { cleanUpAfterEach, freePort, testLogger } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/classify-error.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { engines, freshDatabase } from './store-test-helpers.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

// A btree index on text: a value above ~2.7 kB that does not compress cannot be indexed (54000).
const schemaSql =
  'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL); CREATE INDEX notes_body ON notes (body);';

async function failureOf(run: () => Promise<unknown>): Promise<StoreError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(StoreError.isInstance(error), `expected a StoreError, got ${String(error)}`).toBe(true);
  return error as StoreError;
}

async function expectStillUsable(store: Store): Promise<void> {
  await store.query('INSERT INTO notes (id, body) VALUES ($1, $2)', [
    `ok-${randomBytes(4).toString('hex')}`,
    'fine',
  ]);
}

describe.each(engines)('store errors on %s, classified by SQLSTATE', (engine) => {
  async function open(): Promise<Store> {
    const database = await freshDatabase(engine, logger);
    cleanups.push(database.drop);
    const store = await database.open();
    if (engine === 'postgres') cleanups.push(() => store.close());
    await store.exec(schemaSql);
    return store;
  }

  it('calls U+0000 in text (22021) the record’s fault', async () => {
    const store = await open();
    const error = await failureOf(() =>
      store.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['nul', 'a\u0000b']),
    );
    expect(error).toMatchObject({ sqlState: '22021', code: 'RUNTIME_STORE_QUERY_FAILED', retryable: false });
    expect(classifyError(error).fault).toBe('record');
    await expectStillUsable(store);
  });

  it('calls an index row too large (54000) the record’s fault', async () => {
    const store = await open();
    const huge = randomBytes(6_000).toString('base64');
    const error = await failureOf(() =>
      store.transaction((tx) => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['huge', huge])),
    );
    expect(error).toMatchObject({ sqlState: '54000', code: 'RUNTIME_STORE_QUERY_FAILED', retryable: false });
    expect(classifyError(error).fault).toBe('record');
    await expectStillUsable(store);
  });

  it('calls a write in a read-only transaction (25006) transient', async () => {
    const store = await open();
    const error = await failureOf(() =>
      store.transaction(async (tx) => {
        await tx.exec('SET TRANSACTION READ ONLY');
        await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['ro', 'x']);
      }),
    );
    expect(error).toMatchObject({ sqlState: '25006', code: 'RUNTIME_STORE_READ_ONLY', retryable: true });
    expect(classifyError(error).fault).toBe('transient');
    await expectStillUsable(store);
  });

  it('calls a broken unique constraint (23505) the record’s fault, naming the constraint', async () => {
    const store = await open();
    await store.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['twice', 'a']);
    const error = await failureOf(() =>
      store.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['twice', 'b']),
    );
    expect(error).toMatchObject({ sqlState: '23505', constraint: 'notes_pkey', fault: 'record' });
  });

  it.runIf(engine === 'postgres')(
    'calls a statement cancelled by statement_timeout (57014) transient (PostgreSQL only: PGlite never fires statement_timeout)',
    async () => {
      const store = await open();
      const error = await failureOf(() =>
        store.transaction(async (tx) => {
          await tx.exec("SET LOCAL statement_timeout = '100ms'");
          await tx.query('SELECT pg_sleep(5)');
        }),
      );
      expect(error).toMatchObject({ sqlState: '57014', code: 'RUNTIME_STORE_TIMEOUT', retryable: true });
      expect(classifyError(error).fault).toBe('transient');
      await expectStillUsable(store);
    },
  );

  it.runIf(engine === 'postgres')(
    'calls a lock wait beyond lock_timeout (55P03) transient (PostgreSQL only: PGlite has one connection, so no lock wait)',
    async () => {
      const store = await open();
      let release: () => void = () => {};
      let locked: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = store.transaction(async (tx) => {
        await tx.exec('LOCK TABLE notes IN ACCESS EXCLUSIVE MODE');
        locked();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      });
      await held;
      try {
        const error = await failureOf(() =>
          store.transaction(async (tx) => {
            await tx.exec("SET LOCAL lock_timeout = '100ms'");
            await tx.query('INSERT INTO notes (id, body) VALUES ($1, $2)', ['blocked', 'x']);
          }),
        );
        expect(error).toMatchObject({ sqlState: '55P03', code: 'RUNTIME_STORE_CONFLICT', retryable: true });
        expect(classifyError(error).fault).toBe('transient');
      } finally {
        release();
        await holder;
      }
      await expectStillUsable(store);
    },
  );
});

describe('store errors without a server', () => {
  it.runIf(engines.includes('postgres'))(
    'calls a refused connection a transient outage (skipped without TEST_DATABASE_URL: needs the pg driver path)',
    async () => {
      const port = await freePort();
      const store = await openStore({
        databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
        logger,
      });
      cleanups.push(() => store.close());
      const error = await failureOf(() => store.query('SELECT 1'));
      expect(error).toMatchObject({ code: 'RUNTIME_STORE_UNAVAILABLE', fault: 'transient' });
    },
  );

  it('calls PGlite used after close a closed store, not the record’s fault', async () => {
    const store = await openStore({ logger });
    await store.close();
    const error = await failureOf(() => store.query('SELECT 1'));
    expect(error).toMatchObject({ code: 'RUNTIME_STORE_CLOSED', fault: 'transient' });
  });
});
