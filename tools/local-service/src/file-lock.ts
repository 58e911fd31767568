import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning } from './broker-process.ts';
import { LocalKafkaError } from './local-kafka-error.ts';

/**
 * Runs `action` while holding a lock file, so that two starts (two terminals, or test files
 * that each ensure Kafka) never resolve, format or spawn at the same time. A lock left by a
 * process that died is taken over.
 */
export async function withFileLock<T>(
  lockFile: string,
  action: () => Promise<T>,
  options: { timeoutMs: number; onWait?: (holderPid: number) => void },
): Promise<T> {
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
      throw new LocalKafkaError(
        'LOCAL_KAFKA_LOCK_TIMEOUT',
        `Another local-kafka command (pid ${holder}) is still starting or stopping Kafka (lock ${lockFile}). ` +
          'Wait for it to finish, or stop that process, then run again.',
      );
    }
    if (!reportedWait) {
      options.onWait?.(holder);
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
