import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessRunning, lastLines, runCommand } from '@order-service/local-service';
import { LocalPostgresError } from './local-postgres-error.ts';
import type { PostgresPaths } from './postgres-paths.ts';
import { parsePostmasterPid, renderHostBasedAuthentication } from './server-options.ts';
import { commandAs, type ServerUser } from './server-user.ts';

/** The programs of one PostgreSQL installation, run as the server's user. */
export type PostgresServer = {
  readonly binDirectory: string;
  readonly user: ServerUser;
  readonly paths: PostgresPaths;
};

/** Whether the data folder has a running server, and on which pid and port. */
export type ServerState =
  | { readonly running: false }
  | { readonly running: true; readonly pid: number; readonly port: number };

/** Runs one of the installation's programs as the server's user, from a folder that user can read. */
function runProgram(server: PostgresServer, program: string, args: readonly string[]) {
  const [command, commandArgs] = commandAs(server.user, join(server.binDirectory, program), args);
  return runCommand(command, commandArgs, { cwd: server.paths.base });
}

/** Creates the folders the server's user writes to (owned by that user). */
export async function prepareFolders(paths: PostgresPaths, user: ServerUser): Promise<void> {
  for (const folder of [paths.base, join(paths.base, 'logs'), paths.socketDirectory]) {
    await mkdir(folder, { recursive: true });
    if (user.kind === 'postgres') {
      await chown(folder, user.uid, user.gid);
    }
  }
}

/** Runs initdb once (user postgres, trust on loopback only); a data folder with PG_VERSION is kept. */
export async function initializeDataFolder(server: PostgresServer): Promise<boolean> {
  const { paths, user } = server;
  if (existsSync(join(paths.data, 'PG_VERSION'))) {
    return false;
  }
  const result = await runProgram(server, 'initdb', [
    '--pgdata',
    paths.data,
    '--username',
    'postgres',
    '--auth',
    'trust',
    '--encoding',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  if (result.kind === 'missing' || result.code !== 0) {
    const output = result.kind === 'exited' ? `\n${lastLines(result.output, 20)}` : '';
    throw new LocalPostgresError(
      'LOCAL_POSTGRES_INITDB_FAILED',
      `initdb into ${paths.data} failed. Delete that folder and run again.${output}`,
    );
  }
  const hba = join(paths.data, 'pg_hba.conf');
  await writeFile(hba, renderHostBasedAuthentication());
  if (user.kind === 'postgres') {
    await chown(hba, user.uid, user.gid);
  }
  return true;
}

/**
 * Reads the server's state from postmaster.pid, checking that its pid is alive (a server killed
 * with SIGKILL leaves the file behind). Needs neither the binaries nor the server's user.
 */
export async function readServerState(paths: PostgresPaths): Promise<ServerState> {
  const pidFile = await readFile(join(paths.data, 'postmaster.pid'), 'utf8').catch(() => '');
  const parsed = parsePostmasterPid(pidFile);
  return parsed && isProcessRunning(parsed.pid) ? { running: true, ...parsed } : { running: false };
}

/** Starts the server with `pg_ctl start --wait`, with its output appended to the log file. */
export async function startServer(server: PostgresServer, serverOptions: string): Promise<void> {
  const { paths } = server;
  const result = await runProgram(server, 'pg_ctl', [
    'start',
    '--pgdata',
    paths.data,
    '--log',
    paths.logFile,
    '--options',
    serverOptions,
    '--wait',
    '--timeout',
    '60',
  ]);
  if (result.kind === 'missing' || result.code !== 0) {
    const log = await readFile(paths.logFile, 'utf8').catch(() => '');
    throw new LocalPostgresError(
      'LOCAL_POSTGRES_START_FAILED',
      `PostgreSQL did not start (data ${paths.data}). Its log is ${paths.logFile}; the last lines:\n${lastLines(log, 15)}`,
    );
  }
}

/** Stops the server: mode "fast" (clean, disconnects clients) or "immediate" (like a crash, for fault tests). */
export async function stopServer(server: PostgresServer, mode: 'fast' | 'immediate'): Promise<void> {
  const result = await runProgram(server, 'pg_ctl', [
    'stop',
    '--pgdata',
    server.paths.data,
    '--mode',
    mode,
    '--wait',
    '--timeout',
    '60',
  ]);
  if (result.kind === 'missing' || result.code !== 0) {
    const output = result.kind === 'exited' ? lastLines(result.output, 10) : 'pg_ctl not found';
    throw new LocalPostgresError(
      'LOCAL_POSTGRES_STOP_FAILED',
      `pg_ctl stop failed for ${server.paths.data}: ${output}. See ${server.paths.logFile}.`,
    );
  }
}
