/** Rows and counts returned by a statement. */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something that runs SQL (PostgreSQL dialect, `$1` placeholders): the store or a transaction. */
export interface Queryable {
  /** Runs one statement with parameters. */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The handle passed to `store.transaction` callbacks. */
export interface Transaction extends Queryable {
  /** Emits `event` on the store once, after this transaction commits (never if it rolls back). */
  emitAfterCommit(event: string): void;
  /** The store this transaction runs on (PGlite has no other sessions to NOTIFY). */
  readonly storeKind?: 'postgres' | 'pglite';
}

/** A dedicated database session, for session state: advisory locks and LISTEN. */
export interface StoreSession extends Queryable {
  /** Calls `onNotification` for each NOTIFY on `channel` (a lower-case identifier). */
  listen(channel: string, onNotification: () => void): Promise<void>;
  /** Called once if the session's connection breaks (its locks are gone then). */
  onLost(callback: (error: Error) => void): void;
  /** Ends the session, releasing its session-level locks. */
  release(): Promise<void>;
}

/** The app's database: PostgreSQL (`DATABASE_URL`) or embedded PGlite, one SQL dialect. */
export interface Store extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** The schema holding the tables (search_path). */
  readonly schema: string;
  /** Runs `fn` in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Subscribes to events emitted by committed transactions; returns the unsubscribe function. */
  on(event: string, listener: () => void): () => void;
  /** Opens a dedicated session (PGlite: the single connection, shared). */
  openSession(): Promise<StoreSession>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** True when `queryable` is a transaction handle (so after-commit events can be attached). */
export function isTransaction(queryable: Queryable): queryable is Transaction {
  return typeof (queryable as Partial<Transaction>).emitAfterCommit === 'function';
}
