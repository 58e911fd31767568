import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalPostgresError } from './local-postgres-error.ts';

/** Where Debian's postgresql-<major> packages put their programs. */
export const debianPostgresRoot = '/usr/lib/postgresql';

const requiredPrograms = ['initdb', 'pg_ctl', 'postgres'];

/** The highest major version among folder names such as "15", "16" (names that are not numbers are ignored). */
export function chooseNewestMajor(folderNames: readonly string[]): string | undefined {
  return folderNames
    .filter((name) => /^\d+$/.test(name))
    .toSorted((left, right) => Number(right) - Number(left))[0];
}

/** The bin folder to use: PG_BIN_DIR when given, else the newest Debian PostgreSQL; throws with what to install. */
export async function findPostgresBinaries(binDirectory: string | undefined): Promise<string> {
  const installHint =
    'Install PostgreSQL with "apt-get install -y postgresql", or set PG_BIN_DIR to a folder with initdb and pg_ctl.';
  let candidate = binDirectory;
  if (!candidate) {
    const majors = await readdir(debianPostgresRoot).catch(() => []);
    const newest = chooseNewestMajor(majors);
    candidate = newest ? join(debianPostgresRoot, newest, 'bin') : undefined;
  }
  if (!candidate) {
    throw new LocalPostgresError(
      'LOCAL_POSTGRES_BINARIES_MISSING',
      `No PostgreSQL server under ${debianPostgresRoot}. ${installHint}`,
    );
  }
  const missing = requiredPrograms.filter((program) => !existsSync(join(candidate, program)));
  if (missing.length > 0) {
    throw new LocalPostgresError(
      'LOCAL_POSTGRES_BINARIES_MISSING',
      `${candidate} lacks ${missing.join(', ')}. ${installHint}`,
    );
  }
  return candidate;
}
