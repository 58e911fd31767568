import { describe, expect, it } from 'vitest';
import { parseProcStat, readClockTicksPerSecond, readProcessCpuSeconds } from './process-cpu.ts';

describe('parseProcStat', () => {
  it('reads utime and stime even when the command name holds spaces and parentheses', () => {
    const line =
      '4242 (node (worker) x) S 1 4242 4242 0 -1 4194304 3000 0 0 0 1234 567 0 0 20 0 11 0 100 0 0';
    expect(parseProcStat(line)).toEqual({ userTicks: 1234, systemTicks: 567 });
  });

  it('refuses a line that has no CPU fields', () => {
    expect(() => parseProcStat('12 (x) S')).toThrow(/utime\/stime/);
  });
});

describe('readProcessCpuSeconds', () => {
  it('reports a growing CPU time for this very process', () => {
    const ticks = readClockTicksPerSecond();
    const before = readProcessCpuSeconds(process.pid, ticks) ?? Number.NaN;
    const until = Date.now() + 150;
    let spin = 0;
    while (Date.now() < until) spin += Math.sqrt(spin + 1);
    const after = readProcessCpuSeconds(process.pid, ticks) ?? Number.NaN;
    expect(after).toBeGreaterThan(before);
  });

  it('answers undefined for a process that does not exist', () => {
    expect(readProcessCpuSeconds(2 ** 22 + 7, 100)).toBeUndefined();
  });
});
