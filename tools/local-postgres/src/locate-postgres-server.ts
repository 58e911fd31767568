import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '@order-service/local-service';
import { findPostgresBinaries } from './find-postgres-binaries.ts';
import type { LocalPostgresConfig } from './local-postgres-config.ts';
import { LocalPostgresError } from './local-postgres-error.ts';
import {
  cachePostgresBase,
  fallbackPostgresBase,
  type PostgresPaths,
  resolvePostgresPaths,
} from './postgres-paths.ts';
import { type PostgresServer, prepareFolders } from './postgres-server.ts';
import { resolveServerUser, type ServerUser } from './server-user.ts';

/**
 * The folders of an existing server, without touching anything: the cache base, or the /var/tmp
 * fallback when that is where an earlier root session had to put it.
 */
export function findExistingPaths(config: LocalPostgresConfig): PostgresPaths {
  const bases = [cachePostgresBase(config.cacheRoot), fallbackPostgresBase(config.port)];
  const base = bases.find((candidate) => existsSync(join(candidate, 'data', 'PG_VERSION'))) ?? bases[0];
  return resolvePostgresPaths(base as string);
}

/**
 * Finds the binaries and the server's user, and prepares folders that user can write: the cache
 * when it can reach it, else the /var/tmp fallback (a cache under /root is closed to other users).
 */
export async function preparePostgresServer(config: LocalPostgresConfig): Promise<PostgresServer> {
  const binDirectory = await findPostgresBinaries(config.binDirectory);
  const user = await resolveServerUser();
  const existing = findExistingPaths(config);
  if (existsSync(join(existing.data, 'PG_VERSION'))) {
    await prepareFolders(existing, user);
    return { binDirectory, user, paths: existing };
  }
  // Try the cache only when the server's user can get into it: creating a folder there first
  // would leave a stray one behind when it cannot.
  const bases = (await canEnter(user, config.cacheRoot)) ? [cachePostgresBase(config.cacheRoot)] : [];
  for (const base of [...bases, fallbackPostgresBase(config.port)]) {
    const paths = resolvePostgresPaths(base);
    await prepareFolders(paths, user);
    if (await canEnter(user, join(base, 'logs'))) {
      return { binDirectory, user, paths };
    }
  }
  throw new LocalPostgresError(
    'LOCAL_POSTGRES_START_FAILED',
    `The postgres user can write neither ${cachePostgresBase(config.cacheRoot)} nor ${fallbackPostgresBase(config.port)}. ` +
      'Set ORDER_SERVICE_CACHE to a folder that user can reach.',
  );
}

// `test -x` as that user: true only when every folder on the way is open to it.
async function canEnter(user: ServerUser, folder: string): Promise<boolean> {
  if (user.kind === 'self') {
    return true;
  }
  const result = await runCommand('runuser', ['-u', 'postgres', '--', 'test', '-x', folder], { cwd: '/' });
  return result.kind === 'exited' && result.code === 0;
}
