import pg from 'pg';
import { CommitEvents, createPendingEvents } from './commit-events.ts';
import type { Queryable, QueryResult, Store, StoreSession, Transaction } from './store.ts';
import { StoreError, toStoreError } from './store-error.ts';

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  databaseUrl: string;
  /** Schema for the tables, created if missing (tests use one per test). Default `public`. */
  schema?: string;
  /** Pool size. Default 10. */
  maxConnections?: number;
}

type Client = pg.Client | pg.PoolClient;

function queryableOf(client: Client): Queryable {
  return {
    query: async <Row extends object>(
      sql: string,
      params?: readonly unknown[],
    ): Promise<QueryResult<Row>> => {
      try {
        const result = await client.query<Row & pg.QueryResultRow>(
          sql,
          params === undefined ? undefined : [...params],
        );
        return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
      } catch (error) {
        throw toStoreError(error);
      }
    },
    exec: async (sql: string) => {
      try {
        await client.query(sql);
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
}

/** Opens a pooled PostgreSQL store; every connection uses the configured schema as search_path. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  const connection = {
    connectionString: options.databaseUrl,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 5_000,
  };
  if (schema !== 'public') await createSchema(connection.connectionString, schema);
  const pool = new pg.Pool({ ...connection, max: options.maxConnections ?? 10 });
  // An idle client losing its connection emits on the pool; without a listener Node would crash.
  pool.on('error', () => undefined);
  const events = new CommitEvents();
  let closed = false;

  const withClient = async <T>(task: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    if (closed) throw new StoreError('RUNTIME_STORE_CLOSED', 'The store is closed.');
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    let broken: unknown;
    try {
      return await task(client);
    } catch (error) {
      // A connection that broke, or that reached a server now read-only (a demoted primary after a
      // failover), is discarded so the next one is opened afresh.
      if (
        StoreError.isInstance(error) &&
        (error.code === 'RUNTIME_STORE_UNAVAILABLE' || error.code === 'RUNTIME_STORE_READ_ONLY')
      ) {
        broken = error;
      }
      throw error;
    } finally {
      // A client whose connection failed must not go back into the pool.
      client.release(broken === undefined ? undefined : (broken as Error));
    }
  };

  return {
    kind: 'postgres',
    schema,
    query: (sql, params) => withClient((client) => queryableOf(client).query(sql, params)),
    exec: (sql) => withClient((client) => queryableOf(client).exec(sql)),
    transaction: async <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> => {
      const pending = createPendingEvents();
      const result = await withClient(async (client) => {
        const queryable = queryableOf(client);
        await queryable.exec('BEGIN');
        try {
          const value = await fn({
            ...queryable,
            emitAfterCommit: pending.emitAfterCommit,
            storeKind: 'postgres',
          });
          await queryable.exec('COMMIT');
          return value;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      events.emit(pending.events);
      return result;
    },
    on: (event, listener) => events.on(event, listener),
    openSession: () => openPostgresSession(connection),
    ping: async () => {
      await withClient((client) => queryableOf(client).query('SELECT 1'));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

async function createSchema(connectionString: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two instances starting together may race on CREATE SCHEMA; the loser sees a duplicate.
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P06') throw toStoreError(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function openPostgresSession(connection: pg.ClientConfig): Promise<StoreSession> {
  const client = new pg.Client({ ...connection, keepAlive: true });
  const lostCallbacks: ((error: Error) => void)[] = [];
  let lost = false;
  let released = false;
  const markLost = (error: Error) => {
    if (lost || released) return;
    lost = true;
    for (const callback of lostCallbacks) callback(error);
  };
  client.on('error', markLost);
  client.on('end', () => markLost(new Error('The session connection ended.')));
  try {
    await client.connect();
  } catch (error) {
    throw toStoreError(error);
  }
  const channels = new Map<string, () => void>();
  client.on('notification', (message) => channels.get(message.channel)?.());
  const queryable = queryableOf(client);
  return {
    ...queryable,
    listen: async (channel, onNotification) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) {
        throw new StoreError('RUNTIME_STORE_QUERY_FAILED', `Invalid LISTEN channel name: ${channel}`);
      }
      channels.set(channel, onNotification);
      await queryable.exec(`LISTEN ${channel}`);
    },
    onLost: (callback) => {
      lostCallbacks.push(callback);
    },
    release: async () => {
      released = true;
      await client.end().catch(() => undefined);
    },
  };
}
