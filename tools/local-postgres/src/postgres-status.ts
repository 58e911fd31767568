import { queryServerVersion } from './check-connection.ts';
import { readLocalPostgresConfig, testDatabaseUrl } from './local-postgres-config.ts';
import { findExistingPaths } from './locate-postgres-server.ts';
import { readServerState } from './postgres-server.ts';

/** The state of the test server; `error` says why a running server did not answer. */
export type PostgresStatus = {
  readonly running: boolean;
  readonly url: string;
  readonly pid?: number;
  readonly port?: number;
  readonly serverVersion?: string;
  readonly dataDirectory: string;
  readonly logFile: string;
  readonly error?: string;
};

/** Reports whether the test server runs and answers; never starts or stops anything. */
export async function postgresStatus(
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<PostgresStatus> {
  const config = readLocalPostgresConfig(options.env);
  const paths = findExistingPaths(config);
  const state = await readServerState(paths);
  const base = { dataDirectory: paths.data, logFile: paths.logFile };
  if (!state.running) {
    return { ...base, running: false, url: testDatabaseUrl(config) };
  }
  const url = testDatabaseUrl({ host: config.host, port: state.port });
  try {
    return {
      ...base,
      running: true,
      url,
      pid: state.pid,
      port: state.port,
      serverVersion: await queryServerVersion(url),
    };
  } catch (error) {
    return {
      ...base,
      running: true,
      url,
      pid: state.pid,
      port: state.port,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
