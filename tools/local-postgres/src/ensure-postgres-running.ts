import { mkdir } from 'node:fs/promises';
import { isPortFree, withFileLock } from '@order-service/local-service';
import { waitForServer } from './check-connection.ts';
import { readLocalPostgresConfig, testDatabaseUrl } from './local-postgres-config.ts';
import { LocalPostgresError } from './local-postgres-error.ts';
import { localPostgresTool } from './local-postgres-tool.ts';
import { preparePostgresServer } from './locate-postgres-server.ts';
import { postgresLockFile } from './postgres-paths.ts';
import { initializeDataFolder, readServerState, startServer } from './postgres-server.ts';
import { renderServerOptions } from './server-options.ts';

/** Options of `ensurePostgresRunning`. */
export type EnsurePostgresOptions = {
  /** Environment to read the configuration from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Receives one line per slow step (initdb, start). */
  readonly onProgress?: (message: string) => void;
};

/** What `ensurePostgresRunning` found or did. */
export type PostgresStartResult = {
  /** The value for TEST_DATABASE_URL. */
  readonly url: string;
  readonly alreadyRunning: boolean;
  readonly pid: number;
  readonly serverVersion: string;
  readonly dataDirectory: string;
  readonly logFile: string;
  readonly elapsedMs: number;
};

/**
 * Makes sure the test server runs and answers a query: initdb the first time, then `pg_ctl start`
 * when it is stopped. Safe to call from several processes at once.
 */
export async function ensurePostgresRunning(
  options: EnsurePostgresOptions = {},
): Promise<PostgresStartResult> {
  const startedAt = Date.now();
  const config = readLocalPostgresConfig(options.env);
  const url = testDatabaseUrl(config);
  await mkdir(config.cacheRoot, { recursive: true });
  return withFileLock(
    postgresLockFile(config.cacheRoot),
    async () => {
      const server = await preparePostgresServer(config);
      const { paths } = server;
      let state = await readServerState(paths);
      if (state.running && state.port !== config.port) {
        throw new LocalPostgresError(
          'LOCAL_POSTGRES_BAD_CONFIG',
          `The PostgreSQL running from ${paths.data} listens on port ${state.port}, not PG_PORT=${config.port}. ` +
            'Stop it first ("pnpm pg:stop"), or use another ORDER_SERVICE_CACHE for a second server.',
        );
      }
      const alreadyRunning = state.running;
      if (!state.running) {
        if (!(await isPortFree(config.host, config.port))) {
          throw new LocalPostgresError(
            'LOCAL_POSTGRES_PORT_IN_USE',
            `Port ${config.port} is taken by another process. Find it with "ss -ltnp 'sport = :${config.port}'" ` +
              'and stop it, or choose another port with PG_PORT.',
          );
        }
        if (await initializeDataFolder(server)) {
          options.onProgress?.(`Initialised a PostgreSQL data folder in ${paths.data}.`);
        }
        options.onProgress?.(
          `Starting PostgreSQL on ${config.host}:${config.port} (log: ${paths.logFile})...`,
        );
        await startServer(
          server,
          renderServerOptions({
            host: config.host,
            port: config.port,
            maxConnections: config.maxConnections,
            socketDirectory: paths.socketDirectory,
          }),
        );
        state = await readServerState(paths);
      }
      const answer = await waitForServer(url, 30_000);
      if (!answer.ok || !state.running) {
        throw new LocalPostgresError(
          'LOCAL_POSTGRES_UNREACHABLE',
          `PostgreSQL does not answer at ${url} (${answer.ok ? 'no postmaster.pid' : answer.error}). See ${paths.logFile}.`,
        );
      }
      return {
        url,
        alreadyRunning,
        pid: state.pid,
        serverVersion: answer.version,
        dataDirectory: paths.data,
        logFile: paths.logFile,
        elapsedMs: Date.now() - startedAt,
      };
    },
    { tool: localPostgresTool, timeoutMs: 3 * 60_000, onProgress: options.onProgress },
  );
}

/** Starts the server after `stopPostgres` (the same as `ensurePostgresRunning`; named for fault tests). */
export const startPostgres = ensurePostgresRunning;
