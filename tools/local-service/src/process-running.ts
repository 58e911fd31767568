import { readFileSync } from 'node:fs';

/**
 * True while the process exists and is not a zombie: a zombie has exited and only waits for its
 * parent to collect its status, so it neither serves nor holds a lock any more.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return parseProcessState(stat) !== 'Z';
  } catch {
    return true; // No /proc (macOS): kill(0) is all we can know.
  }
}

/** The state letter of a /proc/<pid>/stat line (after the command name, which may hold spaces). */
export function parseProcessState(stat: string): string | undefined {
  const afterName = stat.slice(stat.lastIndexOf(')') + 1).trim();
  return afterName.length > 0 ? afterName[0] : undefined;
}
