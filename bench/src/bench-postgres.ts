import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePostgresRunning, stopPostgres } from '@order-service/local-postgres';
import { findFreePort } from '@order-service/run-system/apps';
import pg from 'pg';
import type { MeasuredProcess } from './cpu-meter.ts';

/** The benchmark's own PostgreSQL server, and a fresh database on it. */
export type BenchPostgres = {
  databaseUrl: string;
  /** The server's processes right now (postmaster and backends), all named `postgres`, for the CPU meter. */
  processes(): MeasuredProcess[];
  stop(): Promise<void>;
};

function childrenOf(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === parentPid) children.push(Number(entry));
    } catch {
      // The process ended while the table was read.
    }
  }
  return children;
}

/**
 * Starts a PostgreSQL server of the benchmark's own (tools/local-postgres on a free port, data in
 * a temporary cache) so its CPU time is the apps' alone, and creates the run's database.
 */
export async function startBenchPostgres(runId: string, log: (line: string) => void): Promise<BenchPostgres> {
  const env = {
    ...process.env,
    ORDER_SERVICE_CACHE: join(tmpdir(), 'order-service-bench'),
    PG_PORT: String(await findFreePort()),
  };
  const started = await ensurePostgresRunning({ env, onProgress: log });
  const database = `bench_${runId}`;
  const admin = new pg.Client({ connectionString: started.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(started.url);
  url.pathname = `/${database}`;
  log(`PostgreSQL ${started.serverVersion} (pid ${started.pid}) for the apps: ${url.toString()}`);
  return {
    databaseUrl: url.toString(),
    processes: () => [started.pid, ...childrenOf(started.pid)].map((pid) => ({ name: 'postgres', pid })),
    async stop() {
      await stopPostgres({ env });
    },
  };
}
