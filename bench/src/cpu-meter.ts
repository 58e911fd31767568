import { readClockTicksPerSecond, readProcessCpuSeconds } from './process-cpu.ts';

/** A process whose CPU time a phase accounts for. */
export type MeasuredProcess = { name: string; pid: number };

const ticksPerSecond = readClockTicksPerSecond();

/**
 * Starts measuring the CPU-seconds of each process; `stop()` answers how many each used since,
 * summed by name (a database server's processes all count as one). A process that exited in
 * between counts as zero.
 */
export function startCpuMeter(processes: readonly MeasuredProcess[]): { stop(): Record<string, number> } {
  const before = processes.map((entry) => readProcessCpuSeconds(entry.pid, ticksPerSecond) ?? 0);
  return {
    stop() {
      const used: Record<string, number> = {};
      processes.forEach((entry, index) => {
        const after = readProcessCpuSeconds(entry.pid, ticksPerSecond) ?? 0;
        used[entry.name] = (used[entry.name] ?? 0) + Math.max(0, after - (before[index] ?? 0));
      });
      return used;
    },
  };
}
