import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CommitEvents, createPendingEvents } from './commit-events.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { Mutex } from './mutex.ts';
import type { QueryResult, Store, StoreSession, Transaction } from './store.ts';
import { StoreError, toStoreError } from './store-error.ts';

/**
 * Opens embedded PGlite in `dataDir` (in memory when absent). PGlite has a single connection, so
 * every statement and transaction runs under one mutex; the dedicated "session" is that same
 * connection, which is fine because only one process opens a PGlite folder: the folder is locked
 * (`lockDataDir`) until `close()`, and a second open throws `StoreLockedError`.
 */
export async function openPgliteStore(options: {
  dataDir?: string | undefined;
  schema?: string;
}): Promise<Store> {
  let lock: DataDirLock | undefined;
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = lockDataDir(options.dataDir);
  }
  let database: PGlite;
  const schema = options.schema ?? 'public';
  try {
    database = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir);
    await database.waitReady;
    if (schema !== 'public')
      await database.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const mutex = new Mutex();
  const events = new CommitEvents();
  let closed = false;

  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new StoreError('RUNTIME_STORE_CLOSED', 'The store is closed.'));
    return mutex.run(task);
  };

  // These run without taking the mutex: callers already hold it (transactions) or take it (serialize).
  const rawQuery = async <Row extends object>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>> => {
    try {
      const result = await database.query<Row>(sql, params === undefined ? undefined : [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    } catch (error) {
      throw toStoreError(error);
    }
  };
  const rawExec = async (sql: string): Promise<void> => {
    try {
      await database.exec(sql);
    } catch (error) {
      throw toStoreError(error);
    }
  };

  const session: StoreSession = {
    query: (sql, params) => serialize(() => rawQuery(sql, params)),
    exec: (sql) => serialize(() => rawExec(sql)),
    listen: async (channel, onNotification) => {
      await serialize(() => database.listen(channel, () => onNotification()));
    },
    onLost: () => {
      // The embedded database has no connection to lose.
    },
    release: async () => {},
  };

  return {
    kind: 'pglite',
    schema,
    query: (sql, params) => serialize(() => rawQuery(sql, params)),
    exec: (sql) => serialize(() => rawExec(sql)),
    transaction: async <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> => {
      const pending = createPendingEvents();
      const result = await serialize(async () => {
        await rawExec('BEGIN');
        try {
          const value = await fn({
            query: rawQuery,
            exec: rawExec,
            emitAfterCommit: pending.emitAfterCommit,
            storeKind: 'pglite',
          });
          await rawExec('COMMIT');
          return value;
        } catch (error) {
          await rawExec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      events.emit(pending.events);
      return result;
    },
    on: (event, listener) => events.on(event, listener),
    openSession: async () => session,
    ping: async () => {
      await serialize(() => rawQuery('SELECT 1'));
    },
    close: async () => {
      if (closed) return;
      await mutex.run(async () => {
        closed = true;
        try {
          await database.close();
        } finally {
          lock?.release();
        }
      });
    },
  };
}
