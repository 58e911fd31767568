/** How long and how hard one `pnpm bench` drives each system. */
export type BenchSettings = {
  rounds: number;
  warmupMs: number;
  measureMs: number;
  /** Offered loads of the open-loop phases, as fractions of the pipeline's maximum (0.5 is always in). */
  loadFractions: number[];
  /** Most records in flight end to end (sent but not yet consumed) in saturation phases. */
  window: number;
  /** Most HTTP requests in flight in pipeline saturation phases. */
  httpConcurrency: number;
  /** Records per send of the raw loop's source in saturation phases. */
  rawBatchSize: number;
  autocannon: { connections: number; durationSeconds: number; warmupSeconds: number };
  /** How long to wait for the last records of a phase to come out of the system. */
  drainTimeoutMs: number;
  /** No measurement phase starts after this many ms since the start; the rest is reported as skipped. */
  budgetMs: number;
  /** BENCH_CPU_PROF=1: the apps run with --cpu-prof, profiles in bench/.tmp/profiles (for finding bottlenecks). */
  cpuProfile: boolean;
  /** BENCH_STORE: the apps' store, embedded PGlite (the default of `pnpm start`) or a PostgreSQL server the bench starts. */
  store: 'pglite' | 'postgres';
};

function numberFrom(environment: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = environment[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `${name} must be a positive number, got "${text}": unset it or set a number like ${fallback}`,
    );
  }
  return value;
}

function readStore(text: string | undefined): BenchSettings['store'] {
  if (text === undefined || text === '' || text === 'pglite') return 'pglite';
  if (text === 'postgres') return 'postgres';
  throw new Error(`BENCH_STORE must be pglite or postgres, got "${text}"`);
}

/**
 * Reads the settings from BENCH_* variables (all optional). BENCH_QUICK=1 shortens every phase for
 * a smoke run whose figures are not worth committing.
 */
export function readBenchSettings(environment: Record<string, string | undefined>): BenchSettings {
  const quick = environment.BENCH_QUICK === '1';
  const fractions = (environment.BENCH_LOAD_FRACTIONS ?? (quick ? '0.5' : '0.25,0.5,0.75'))
    .split(',')
    .map((text) => Number(text.trim()));
  if (fractions.some((value) => !(value > 0 && value <= 1))) {
    throw new Error(`BENCH_LOAD_FRACTIONS must list numbers in (0, 1], like "0.25,0.5,0.75"`);
  }
  if (!fractions.includes(0.5)) fractions.push(0.5);
  return {
    rounds: Math.round(numberFrom(environment, 'BENCH_ROUNDS', quick ? 1 : 2)),
    warmupMs: numberFrom(environment, 'BENCH_WARMUP_MS', quick ? 1_000 : 3_000),
    measureMs: numberFrom(environment, 'BENCH_MEASURE_MS', quick ? 3_000 : 10_000),
    loadFractions: fractions.sort((left, right) => left - right),
    window: Math.round(numberFrom(environment, 'BENCH_WINDOW', 2_000)),
    httpConcurrency: Math.round(numberFrom(environment, 'BENCH_HTTP_CONCURRENCY', 64)),
    rawBatchSize: Math.round(numberFrom(environment, 'BENCH_RAW_BATCH', 500)),
    autocannon: {
      connections: Math.round(numberFrom(environment, 'BENCH_HTTP_CONNECTIONS', 32)),
      durationSeconds: Math.round(numberFrom(environment, 'BENCH_HTTP_SECONDS', quick ? 3 : 8)),
      warmupSeconds: Math.round(numberFrom(environment, 'BENCH_HTTP_WARMUP_SECONDS', quick ? 1 : 2)),
    },
    drainTimeoutMs: numberFrom(environment, 'BENCH_DRAIN_TIMEOUT_MS', 60_000),
    budgetMs: numberFrom(environment, 'BENCH_BUDGET_MS', quick ? 180_000 : 540_000),
    cpuProfile: environment.BENCH_CPU_PROF === '1',
    store: readStore(environment.BENCH_STORE),
  };
}
