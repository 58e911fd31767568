import { mkdir } from 'node:fs/promises';
import { withFileLock } from '@order-service/local-service';
import { readLocalPostgresConfig } from './local-postgres-config.ts';
import { localPostgresTool } from './local-postgres-tool.ts';
import { findExistingPaths, preparePostgresServer } from './locate-postgres-server.ts';
import { postgresLockFile } from './postgres-paths.ts';
import { readServerState, stopServer } from './postgres-server.ts';

/** Options of `stopPostgres`. */
export type StopPostgresOptions = {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Stop like a crash (`pg_ctl -m immediate`), for fault tests; the next start recovers from the WAL. */
  readonly force?: boolean;
};

/** What `stopPostgres` did. */
export type PostgresStopResult =
  | { readonly wasRunning: false }
  | { readonly wasRunning: true; readonly pid: number };

/** Stops the test server and waits until it is gone; succeeds when it was not running. */
export async function stopPostgres(options: StopPostgresOptions = {}): Promise<PostgresStopResult> {
  const config = readLocalPostgresConfig(options.env);
  await mkdir(config.cacheRoot, { recursive: true });
  return withFileLock(
    postgresLockFile(config.cacheRoot),
    async () => {
      const state = await readServerState(findExistingPaths(config));
      if (!state.running) {
        return { wasRunning: false } as const;
      }
      const server = await preparePostgresServer(config);
      await stopServer(server, options.force ? 'immediate' : 'fast');
      return { wasRunning: true, pid: state.pid } as const;
    },
    { tool: localPostgresTool, timeoutMs: 3 * 60_000 },
  );
}
