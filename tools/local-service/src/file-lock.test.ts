import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function lockPath(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'local-service-lock-'));
  folders.push(folder);
  return join(folder, 'server.lock');
}

class FakeToolError extends Error {}

const tool = {
  name: 'local-fake',
  serverName: 'FakeDB',
  lockTimeoutError: (message: string) => new FakeToolError(message),
};

describe('withFileLock', () => {
  it('runs holders one after the other', async () => {
    const lock = await lockPath();
    const events: string[] = [];
    const hold = (name: string) =>
      withFileLock(
        lock,
        async () => {
          events.push(`${name} in`);
          await sleep(50);
          events.push(`${name} out`);
        },
        { timeoutMs: 5_000, tool },
      );
    await Promise.all([hold('a'), hold('b')]);
    expect(events).toHaveLength(4);
    expect(events[0]?.endsWith('in')).toBe(true);
    expect(events[1]?.endsWith('out')).toBe(true);
    expect(events[0]?.[0]).toBe(events[1]?.[0]);
  });

  it('takes over a lock whose holder has died', async () => {
    const lock = await lockPath();
    await writeFile(lock, '999999999\n');
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 1_000, tool })).toBe('ran');
  });

  it('releases the lock when the action fails', async () => {
    const lock = await lockPath();
    const failing = withFileLock(
      lock,
      async () => {
        throw new Error('action failed');
      },
      { timeoutMs: 1_000, tool },
    );
    await expect(failing).rejects.toThrow('action failed');
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 300, tool })).toBe('ran');
  });

  it("says once that it waits, then throws the tool's error while a live process holds the lock", async () => {
    const lock = await lockPath();
    await writeFile(lock, `${process.pid}\n`);
    const progress: string[] = [];
    const attempt = withFileLock(lock, async () => 'ran', {
      timeoutMs: 600,
      tool,
      onProgress: (message) => progress.push(message),
    });
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof FakeToolError &&
        error.message ===
          `Another local-fake command (pid ${process.pid}) is still starting or stopping FakeDB (lock ${lock}). ` +
            'Wait for it to finish, or stop that process, then run again.',
    );
    expect(progress).toEqual([`Waiting for another local-fake command (pid ${process.pid})...`]);
  });
});
