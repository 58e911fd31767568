import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseNewestMajor, findPostgresBinaries } from './find-postgres-binaries.ts';
import { LocalPostgresError } from './local-postgres-error.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function binFolder(programs: string[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'local-postgres-bin-'));
  folders.push(folder);
  await mkdir(folder, { recursive: true });
  await Promise.all(programs.map((program) => writeFile(join(folder, program), '')));
  return folder;
}

describe('chooseNewestMajor', () => {
  it('compares majors as numbers and ignores other folders', () => {
    expect(chooseNewestMajor(['9', '15', '16', 'common'])).toBe('16');
    expect(chooseNewestMajor(['common'])).toBeUndefined();
  });
});

describe('findPostgresBinaries', () => {
  it('accepts PG_BIN_DIR when it has initdb, pg_ctl and postgres', async () => {
    const folder = await binFolder(['initdb', 'pg_ctl', 'postgres']);
    expect(await findPostgresBinaries(folder)).toBe(folder);
  });

  it('says what to install when programs are missing', async () => {
    const folder = await binFolder(['postgres']);
    await expect(findPostgresBinaries(folder)).rejects.toSatisfy(
      (error: unknown) =>
        LocalPostgresError.isInstance(error) &&
        error.code === 'LOCAL_POSTGRES_BINARIES_MISSING' &&
        error.message.includes('initdb, pg_ctl') &&
        error.message.includes('apt-get install -y postgresql'),
    );
  });
});
