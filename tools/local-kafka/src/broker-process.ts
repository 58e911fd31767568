import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning } from '@order-service/local-service';

/**
 * True when the pid runs the broker of this configuration file; a pid file can outlive its
 * process and the pid be reused by something else.
 */
export function isBrokerProcess(pid: number, serverProperties: string): boolean {
  if (!isProcessRunning(pid)) {
    return false;
  }
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return commandLine.includes('kafka.Kafka') && commandLine.includes(serverProperties);
  } catch {
    return true;
  }
}

/** The pid in a pid file, or undefined when there is none. */
export async function readPidFile(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a command detached from this process (its own process group, output appended to the
 * log file), so it outlives the CLI, and records its pid.
 */
export async function spawnDetached(options: {
  command: string;
  args: readonly string[];
  logFile: string;
  pidFile: string;
}): Promise<number> {
  const logDescriptor = openSync(options.logFile, 'a');
  try {
    const child = spawn(options.command, options.args, {
      detached: true,
      stdio: ['ignore', logDescriptor, logDescriptor],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve(child.pid as number));
    });
    child.unref();
    await writeFile(options.pidFile, `${pid}\n`);
    return pid;
  } finally {
    closeSync(logDescriptor);
  }
}

/** Sends SIGTERM (or SIGKILL when forced), then SIGKILL after the timeout; resolves once the process is gone. */
export async function terminateProcess(
  pid: number,
  options: { timeoutMs: number; force?: boolean },
): Promise<'exited' | 'killed'> {
  sendSignal(pid, options.force ? 'SIGKILL' : 'SIGTERM');
  if (await waitForExit(pid, options.timeoutMs)) {
    return options.force ? 'killed' : 'exited';
  }
  sendSignal(pid, 'SIGKILL');
  if (await waitForExit(pid, 10_000)) {
    return 'killed';
  }
  throw new Error(`process ${pid} is still running after SIGKILL`);
}

/** Removes a pid file, ignoring one that is already gone. */
export async function removePidFile(pidFile: string): Promise<void> {
  await rm(pidFile, { force: true });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessRunning(pid)) {
      return true;
    }
    await sleep(100);
  }
  return !isProcessRunning(pid);
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}
