import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.ts';
import { LocalKafkaError } from './local-kafka-error.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function lockPath(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'local-kafka-lock-'));
  folders.push(folder);
  return join(folder, 'kafka.lock');
}

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
        { timeoutMs: 5_000 },
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
    expect(await withFileLock(lock, async () => 'ran', { timeoutMs: 1_000 })).toBe('ran');
  });

  it('gives up with LOCAL_KAFKA_LOCK_TIMEOUT while a live process holds it', async () => {
    const lock = await lockPath();
    await writeFile(lock, `${process.pid}\n`);
    const attempt = withFileLock(lock, async () => 'ran', { timeoutMs: 300 });
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) => LocalKafkaError.isInstance(error) && error.code === 'LOCAL_KAFKA_LOCK_TIMEOUT',
    );
  });
});
