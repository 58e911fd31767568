import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** User and system CPU time of one process, in clock ticks, as /proc/<pid>/stat reports them. */
export type ProcessCpuTicks = { userTicks: number; systemTicks: number };

/**
 * Parses the utime and stime fields (14 and 15) of a /proc/<pid>/stat line. The command name in
 * field 2 may contain spaces and parentheses, so the fields are counted from its closing ')'.
 */
export function parseProcStat(text: string): ProcessCpuTicks {
  const afterName = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // afterName[0] is field 3 (state), so field N sits at index N - 3.
  const userTicks = Number(afterName[11]);
  const systemTicks = Number(afterName[12]);
  if (!Number.isFinite(userTicks) || !Number.isFinite(systemTicks)) {
    throw new Error(`Cannot read utime/stime from a /proc stat line: "${text.slice(0, 120)}"`);
  }
  return { userTicks, systemTicks };
}

/** Clock ticks per second (CLK_TCK) of this kernel, 100 when getconf is unavailable. */
export function readClockTicksPerSecond(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

/** Reads CPU-seconds (user + system) used so far by the process `pid`; undefined once it has gone. */
export function readProcessCpuSeconds(pid: number, ticksPerSecond: number): number | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const ticks = parseProcStat(text);
  return (ticks.userTicks + ticks.systemTicks) / ticksPerSecond;
}
