import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanUpAfterEach, testLogger } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { StoreLockedError } from '../../src/store/data-dir-lock.ts';
import { openStore } from '../../src/store/open-store.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();
const openStoreModule = fileURLToPath(new URL('../../src/store/open-store.ts', import.meta.url));

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'store-folder-lock-'));
  cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Opens the folder in another Node process, writes a row and closes; its exit code and stderr. */
function openInAnotherProcess(dataDir: string): Promise<{ code: number; stderr: string }> {
  const script = `
    import { openStore } from ${JSON.stringify(openStoreModule)};
    import pino from 'pino';
    const store = await openStore({ dataDir: ${JSON.stringify(dataDir)}, logger: pino({ level: 'silent' }) });
    await store.exec('CREATE TABLE IF NOT EXISTS t (n int); INSERT INTO t VALUES (2)');
    await store.close();`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 60_000 },
      (error, _stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stderr });
      },
    );
  });
}

describe('one process per embedded store folder', () => {
  it('refuses a second process while the first has the folder open, and lets it in after close', async () => {
    const dataDir = freshFolder();
    const first = await openStore({ dataDir, logger });
    await first.exec('CREATE TABLE t (n int); INSERT INTO t VALUES (1)');

    const refused = await openInAnotherProcess(dataDir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('StoreLockedError');
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toContain(`process ${process.pid}`);

    // A second open in this process is refused too, and the first store is unharmed.
    await expect(openStore({ dataDir, logger })).rejects.toSatisfy(StoreLockedError.isInstance);
    expect((await first.query<{ n: number }>('SELECT n FROM t')).rows).toEqual([{ n: 1 }]);
    await first.close();

    expect((await openInAnotherProcess(dataDir)).code).toBe(0);
    const reopened = await openStore({ dataDir, logger });
    expect((await reopened.query<{ n: number }>('SELECT n FROM t ORDER BY n')).rows).toEqual([
      { n: 1 },
      { n: 2 },
    ]);
    await reopened.close();
  });
});
