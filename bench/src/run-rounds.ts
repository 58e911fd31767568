import type { BenchSettings } from './bench-settings.ts';
import { type HttpLoadSettings, measureHttpThroughput } from './http-throughput.ts';
import type { HttpResult, PhaseResult, RoundResult } from './phase-result.ts';
import type { PipelineDriver, PipelinePhaseRequest } from './pipeline/pipeline-driver.ts';
import type { RawLoop, RawPhaseRequest } from './raw-loop/raw-loop.ts';

/** The systems a run drives; a pipeline is absent when its apps could not be started. */
export type BenchSystems = {
  raw: RawLoop;
  pipeline?: PipelineDriver;
  echoUrl: string;
  /** `POST /orders` of an order-producer whose topic nobody consumes (the front door alone). */
  ordersUrl?: string;
  orderBody: string;
};

/** What the rounds measured, and which phases the time budget cut. */
export type RoundsOutcome = { rounds: RoundResult[]; skipped: string[]; halfLoadBase?: number };

type Log = (line: string) => void;

function describe(result: PhaseResult): string {
  const load = result.mode === 'rate' ? `at ${Math.round(result.offeredPerSecond ?? 0)}/s` : 'max';
  return (
    `${result.system} ${load}: ${result.consumed}/${result.acknowledged} consumed, ` +
    `${Math.round(result.throughputPerSecond)} orders/s, e2e p50 ${result.endToEnd.p50} ms p99 ${result.endToEnd.p99} ms`
  );
}

/**
 * Runs `settings.rounds` rounds. Each round interleaves baseline and pipeline phases (raw loop,
 * pipeline at saturation; echo and `POST /orders` over HTTP; then the open-loop
 * latency phases, raw and pipeline alternating per load), each phase after its own warm-up.
 */
export async function runRounds(
  systems: BenchSystems,
  settings: BenchSettings,
  deadline: number,
  log: Log,
): Promise<RoundsOutcome> {
  const rounds: RoundResult[] = [];
  const skipped: string[] = [];
  let halfLoadBase: number | undefined;
  const inBudget = (name: string) => {
    if (Date.now() < deadline) return true;
    skipped.push(name);
    return false;
  };
  const rawPhase = async (request: RawPhaseRequest) => {
    await systems.raw.runPhase(
      { ...request, phase: `${request.phase}-warmup`, durationMs: settings.warmupMs },
      settings.drainTimeoutMs,
    );
    return systems.raw.runPhase(request, settings.drainTimeoutMs);
  };
  const pipelinePhase = async (driver: PipelineDriver, request: PipelinePhaseRequest) => {
    await driver.runPhase(
      { ...request, phase: `${request.phase}-warmup`, durationMs: settings.warmupMs },
      settings.drainTimeoutMs,
    );
    return driver.runPhase(request, settings.drainTimeoutMs);
  };
  const http: HttpLoadSettings = settings.autocannon;

  for (let round = 1; round <= settings.rounds; round += 1) {
    const result: RoundResult = { round, saturated: [], http: [], latency: [] };
    rounds.push(result);
    const record = (phase: PhaseResult) => {
      log(`round ${round}: ${describe(phase)}`);
      return phase;
    };

    if (inBudget(`round ${round} raw-loop max`)) {
      result.saturated.push(
        record(
          await rawPhase({
            phase: `r${round}-raw-max`,
            mode: 'saturate',
            durationMs: settings.measureMs,
            window: settings.window,
            batchSize: settings.rawBatchSize,
          }),
        ),
      );
    }
    if (systems.pipeline && inBudget(`round ${round} pipeline max`)) {
      const phase = await pipelinePhase(systems.pipeline, {
        phase: `r${round}-pipeline-max`,
        mode: 'saturate',
        durationMs: settings.measureMs,
        window: settings.window,
        concurrency: settings.httpConcurrency,
      });
      result.saturated.push(record(phase));
    }

    const httpTargets: [HttpResult['target'], string | undefined][] = [
      ['fastify-echo', `${systems.echoUrl}/echo`],
      ['post-orders', systems.ordersUrl ? `${systems.ordersUrl}/orders` : undefined],
    ];
    for (const [target, url] of httpTargets) {
      if (!url || !inBudget(`round ${round} ${target}`)) continue;
      const measured = await measureHttpThroughput({ target, url, body: systems.orderBody, settings: http });
      log(
        `round ${round}: ${target} ${Math.round(measured.requestsPerSecond)} requests/s (non-2xx ${measured.non2xx})`,
      );
      result.http.push(measured);
    }

    if (halfLoadBase === undefined) {
      const pipelineMax = result.saturated.find((phase) => phase.system === 'pipeline')?.throughputPerSecond;
      const rawMax = result.saturated.find((phase) => phase.system === 'raw-loop')?.throughputPerSecond;
      // Loads are fractions of the pipeline's maximum; without a pipeline, of a quarter of the raw loop's.
      halfLoadBase = pipelineMax && pipelineMax > 0 ? pipelineMax : rawMax ? rawMax / 4 : undefined;
    }
    if (halfLoadBase === undefined) continue;
    for (const fraction of settings.loadFractions) {
      const ratePerSecond = Math.max(1, Math.round(halfLoadBase * fraction));
      if (inBudget(`round ${round} raw-loop at ${ratePerSecond}/s`)) {
        const phase = await rawPhase({
          phase: `r${round}-raw-${ratePerSecond}`,
          mode: 'rate',
          ratePerSecond,
          durationMs: settings.measureMs,
        });
        result.latency.push(record({ ...phase, loadFraction: fraction }));
      }
      if (systems.pipeline && inBudget(`round ${round} pipeline at ${ratePerSecond}/s`)) {
        const phase = await pipelinePhase(systems.pipeline, {
          phase: `r${round}-pipeline-${ratePerSecond}`,
          mode: 'rate',
          ratePerSecond,
          durationMs: settings.measureMs,
        });
        result.latency.push(record({ ...phase, loadFraction: fraction }));
      }
    }
  }
  return { rounds, skipped, ...(halfLoadBase !== undefined ? { halfLoadBase } : {}) };
}
