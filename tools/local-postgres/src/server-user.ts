import { runCommand } from '@order-service/local-service';
import { LocalPostgresError } from './local-postgres-error.ts';

/**
 * Who runs the server. PostgreSQL refuses to run as root, so a root session runs initdb, pg_ctl
 * and the server as the `postgres` system user; anyone else runs them as themselves.
 */
export type ServerUser =
  | { readonly kind: 'self' }
  | { readonly kind: 'postgres'; readonly uid: number; readonly gid: number };

/** A program and its arguments, wrapped in `runuser` when the server runs as another user. */
export function commandAs(user: ServerUser, program: string, args: readonly string[]): [string, string[]] {
  return user.kind === 'self'
    ? [program, [...args]]
    : ['runuser', ['-u', 'postgres', '--', program, ...args]];
}

/** The user the server runs as; as root, creates the `postgres` system user when the machine has none. */
export async function resolveServerUser(): Promise<ServerUser> {
  if (process.getuid?.() !== 0) {
    return { kind: 'self' };
  }
  let ids = await readIds();
  if (!ids) {
    // Debian's postgresql package creates this user; a machine with only the binaries may not have it.
    const created = await runCommand('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    ids = await readIds();
    if (!ids) {
      const output = created.kind === 'exited' ? created.output.trim() : 'useradd not found';
      throw new LocalPostgresError(
        'LOCAL_POSTGRES_USER_MISSING',
        `PostgreSQL cannot run as root and there is no "postgres" user; creating it failed (${output}). ` +
          'Create it with "useradd --system postgres", or run as a non-root user.',
      );
    }
  }
  return { kind: 'postgres', ...ids };
}

async function readIds(): Promise<{ uid: number; gid: number } | undefined> {
  const uid = await runCommand('id', ['-u', 'postgres']);
  const gid = await runCommand('id', ['-g', 'postgres']);
  if (uid.kind !== 'exited' || uid.code !== 0 || gid.kind !== 'exited' || gid.code !== 0) {
    return undefined;
  }
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) };
}
