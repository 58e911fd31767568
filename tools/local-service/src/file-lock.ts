import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalServiceTool } from './local-service-tool.ts';
import { isProcessRunning } from './process-running.ts';

/** Whose lock it is, how long to wait for it, and where to say that it waits. */
export type FileLockOptions = {
  readonly tool: Pick<LocalServiceTool, 'name' | 'serverName' | 'lockTimeoutError'>;
  readonly timeoutMs: number;
  /** Receives one line when the lock is found held by another live command. */
  readonly onProgress?: ((message: string) => void) | undefined;
};

/**
 * Runs `action` while holding a lock file (the pid of this process, created exclusively), so that
 * two starts or stops of one local server (two terminals, or test files that each ensure it) never
 * run at the same time. A lock left by a process that died is taken over; one that a live process
 * keeps past `timeoutMs` ends in the tool's own error.
 */
export async function withFileLock<T>(
  lockFile: string,
  action: () => Promise<T>,
  options: FileLockOptions,
): Promise<T> {
  const { tool } = options;
  const deadline = Date.now() + options.timeoutMs;
  let reportedWait = false;
  for (;;) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !isProcessRunning(holder)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw tool.lockTimeoutError(
        `Another ${tool.name} command (pid ${holder}) is still starting or stopping ${tool.serverName} (lock ${lockFile}). ` +
          'Wait for it to finish, or stop that process, then run again.',
      );
    }
    if (!reportedWait) {
      options.onProgress?.(`Waiting for another ${tool.name} command (pid ${holder})...`);
      reportedWait = true;
    }
    await sleep(250);
  }
  try {
    return await action();
  } finally {
    await rm(lockFile, { force: true });
  }
}
