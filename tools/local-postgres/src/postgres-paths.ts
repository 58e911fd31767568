import { join } from 'node:path';

/** Where the server's data, log and socket live. */
export type PostgresPaths = {
  readonly base: string;
  readonly data: string;
  readonly logFile: string;
  readonly socketDirectory: string;
};

/** The layout under a base folder that the server's user owns. */
export function resolvePostgresPaths(base: string): PostgresPaths {
  return {
    base,
    data: join(base, 'data'),
    logFile: join(base, 'logs', 'postgres.log'),
    socketDirectory: join(base, 'socket'),
  };
}

/** The preferred base: `<cache>/postgres`, outside the repository. */
export function cachePostgresBase(cacheRoot: string): string {
  return join(cacheRoot, 'postgres');
}

/**
 * Where a root session keeps the server when the `postgres` user cannot reach the cache (a cache
 * under /root, whose mode is 700): a folder of its own under /var/tmp, one per port.
 */
export function fallbackPostgresBase(port: number): string {
  return join('/var/tmp', 'order-service', `postgres-${port}`);
}

/** The lock that keeps two start/stop commands apart; in the cache, which the caller (maybe root) owns. */
export function postgresLockFile(cacheRoot: string): string {
  return join(cacheRoot, 'postgres.lock');
}
