import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK_FILE, lockDataDir, StoreLockedError } from './data-dir-lock.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
  folders.push(folder);
  return folder;
}

describe('lockDataDir', () => {
  it('refuses a second lock on one folder, naming the folder, the holder and what to do', () => {
    const folder = freshFolder();
    const lock = lockDataDir(folder);
    let thrown: unknown;
    try {
      lockDataDir(folder);
    } catch (error) {
      thrown = error;
    }
    expect(StoreLockedError.isInstance(thrown)).toBe(true);
    const error = thrown as StoreLockedError;
    expect(error).toMatchObject({ code: 'RUNTIME_STORE_LOCKED', dataDir: folder, holderPid: process.pid });
    expect(error.message).toContain(folder);
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain('DATA_DIR');
    lock.release();
    expect(existsSync(join(folder, DATA_DIR_LOCK_FILE))).toBe(false);
    lockDataDir(folder).release();
  });

  it('takes over a lock left by a process that died', () => {
    const folder = freshFolder();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(join(folder, DATA_DIR_LOCK_FILE), `${dead.stdout.toString()}\n`);
    const lock = lockDataDir(folder);
    expect(() => lockDataDir(folder)).toThrow(/in use/);
    lock.release();
  });

  it('takes over a lock with its own pid that this process does not hold (a restarted container)', () => {
    const folder = freshFolder();
    writeFileSync(join(folder, DATA_DIR_LOCK_FILE), `${process.pid}\n`);
    lockDataDir(folder).release();
  });
});
