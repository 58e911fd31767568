import { homedir } from 'node:os';
import { join } from 'node:path';
import { LocalPostgresError } from './local-postgres-error.ts';

/** Settings of the tool, read from the environment by `readLocalPostgresConfig`. */
export type LocalPostgresConfig = {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Root of the cache shared by the project's tools (ORDER_SERVICE_CACHE). */
  readonly cacheRoot: string;
  /** A bin folder with initdb, pg_ctl and postgres (PG_BIN_DIR); default: the newest under /usr/lib/postgresql. */
  readonly binDirectory: string | undefined;
  readonly maxConnections: number;
};

type Environment = Readonly<Record<string, string | undefined>>;

/** Reads and checks the tool's environment variables; throws LOCAL_POSTGRES_BAD_CONFIG naming each bad one. */
export function readLocalPostgresConfig(env: Environment = process.env): LocalPostgresConfig {
  const problems: string[] = [];
  const portText = env.PG_PORT?.trim() || '54329';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    problems.push(`PG_PORT: "${portText}" is not a port number from 1024 to 65535`);
  }
  if (problems.length > 0) {
    throw new LocalPostgresError(
      'LOCAL_POSTGRES_BAD_CONFIG',
      `Bad environment for local PostgreSQL:\n  ${problems.join('\n  ')}`,
    );
  }
  return Object.freeze({
    host: '127.0.0.1',
    port,
    cacheRoot: env.ORDER_SERVICE_CACHE?.trim() || join(homedir(), '.cache', 'order-service'),
    binDirectory: env.PG_BIN_DIR?.trim() || undefined,
    // Several app instances, each with a pool, plus the tests' own clients.
    maxConnections: 200,
  });
}

/** The connection URL tests read from TEST_DATABASE_URL. */
export function testDatabaseUrl(config: Pick<LocalPostgresConfig, 'host' | 'port'>): string {
  return `postgres://postgres@${config.host}:${config.port}/postgres`;
}
