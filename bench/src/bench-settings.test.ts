import { describe, expect, it } from 'vitest';
import { readBenchSettings } from './bench-settings.ts';

describe('readBenchSettings', () => {
  it('defaults to two interleaved rounds at three loads', () => {
    const settings = readBenchSettings({});
    expect(settings.rounds).toBe(2);
    expect(settings.loadFractions).toEqual([0.25, 0.5, 0.75]);
  });

  it('always measures at half the maximum load, which the latency ratio needs', () => {
    expect(readBenchSettings({ BENCH_LOAD_FRACTIONS: '0.9,0.2' }).loadFractions).toEqual([0.2, 0.5, 0.9]);
  });

  it('shortens every phase in quick mode', () => {
    const settings = readBenchSettings({ BENCH_QUICK: '1' });
    expect(settings.rounds).toBe(1);
    expect(settings.measureMs).toBeLessThan(readBenchSettings({}).measureMs);
  });

  it('runs the apps on PGlite unless PostgreSQL is asked for', () => {
    expect(readBenchSettings({}).store).toBe('pglite');
    expect(readBenchSettings({ BENCH_STORE: 'postgres' }).store).toBe('postgres');
    expect(() => readBenchSettings({ BENCH_STORE: 'mysql' })).toThrow(
      /BENCH_STORE must be pglite or postgres/,
    );
  });

  it('names the variable and a valid value when a setting is wrong', () => {
    expect(() => readBenchSettings({ BENCH_ROUNDS: 'many' })).toThrow(
      /BENCH_ROUNDS must be a positive number/,
    );
    expect(() => readBenchSettings({ BENCH_LOAD_FRACTIONS: '2' })).toThrow(/BENCH_LOAD_FRACTIONS/);
  });
});
