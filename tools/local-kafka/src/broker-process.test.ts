import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessRunning } from '@order-service/local-service';
import { describe, expect, it } from 'vitest';
import { isBrokerProcess, readPidFile, terminateProcess } from './broker-process.ts';

describe('readPidFile', () => {
  it('reads a pid and ignores missing or garbled files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'local-kafka-'));
    await writeFile(join(folder, 'good.pid'), '1234\n');
    await writeFile(join(folder, 'bad.pid'), 'not a pid');
    expect(await readPidFile(join(folder, 'good.pid'))).toBe(1234);
    expect(await readPidFile(join(folder, 'bad.pid'))).toBeUndefined();
    expect(await readPidFile(join(folder, 'missing.pid'))).toBeUndefined();
    await rm(folder, { recursive: true, force: true });
  });
});

describe('process checks', () => {
  it('tells this process apart from a broker', () => {
    expect(isProcessRunning(process.pid)).toBe(true);
    expect(isBrokerProcess(process.pid, '/nowhere/server.properties')).toBe(false);
  });

  it('terminates a process with SIGTERM and sees it gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    const pid = child.pid as number;
    expect(isProcessRunning(pid)).toBe(true);
    expect(await terminateProcess(pid, { timeoutMs: 5_000 })).toBe('exited');
    expect(isProcessRunning(pid)).toBe(false);
  });

  it('falls back to SIGKILL when the process ignores SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['-e', "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    await new Promise((resolve) => child.stdout.once('data', resolve));
    expect(await terminateProcess(child.pid as number, { timeoutMs: 300 })).toBe('killed');
  });
});
