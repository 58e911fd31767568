import pg from 'pg';

/** What the apps asked of PostgreSQL over a whole run, from its cumulative statistics views. */
export type PostgresStatistics = {
  commits: number;
  rollbacks: number;
  /** Rows inserted, updated and deleted per table (schema.table). */
  tables: { table: string; inserted: number; updated: number; deleted: number; sequentialScans: number }[];
};

/**
 * Reads pg_stat_database and pg_stat_user_tables of the run's database: how many transactions
 * and row writes the apps needed, to divide by the orders that went through.
 */
export async function readPostgresStatistics(databaseUrl: string): Promise<PostgresStatistics> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The statistics collector flushes about once a second; a fresh snapshot sees the latest.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const database = await client.query<{ commits: string; rollbacks: string }>(
      'SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = current_database()',
    );
    const tables = await client.query<{
      table: string;
      inserted: string;
      updated: string;
      deleted: string;
      scans: string;
    }>(
      `SELECT schemaname || '.' || relname AS table, n_tup_ins AS inserted, n_tup_upd AS updated,
              n_tup_del AS deleted, seq_scan AS scans
         FROM pg_stat_user_tables ORDER BY schemaname, relname`,
    );
    return {
      commits: Number(database.rows[0]?.commits ?? 0),
      rollbacks: Number(database.rows[0]?.rollbacks ?? 0),
      tables: tables.rows.map((row) => ({
        table: row.table,
        inserted: Number(row.inserted),
        updated: Number(row.updated),
        deleted: Number(row.deleted),
        sequentialScans: Number(row.scans),
      })),
    };
  } finally {
    await client.end();
  }
}
