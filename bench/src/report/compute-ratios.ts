import { cpuMicrosecondsPerOrderPerHop, type PhaseResult, type RoundResult } from '../phase-result.ts';

/** One line of issue 7's ratio table, with the value this run measured. */
export type RatioRow = {
  id: 'throughput' | 'cpu-per-hop' | 'http' | 'latency-p50' | 'latency-p99';
  label: string;
  /** Median over rounds of each round's ratio; undefined when not measured. */
  value: number | undefined;
  perRound: number[];
  comparison: '>=' | '<=';
  target: number;
  aim?: number;
  met: boolean | undefined;
  note?: string;
};

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function saturated(round: RoundResult, system: PhaseResult['system']): PhaseResult | undefined {
  return round.saturated.find((result) => result.system === system && result.consumed > 0);
}

function atHalfLoad(round: RoundResult, system: PhaseResult['system']): PhaseResult | undefined {
  return round.latency.find(
    (result) => result.system === system && result.loadFraction === 0.5 && result.consumed > 0,
  );
}

function ratiosPerRound(rounds: RoundResult[], ratio: (round: RoundResult) => number | undefined): number[] {
  return rounds.map(ratio).filter((value): value is number => value !== undefined && Number.isFinite(value));
}

function row(
  base: Omit<RatioRow, 'value' | 'met' | 'perRound'>,
  perRound: number[],
  notMeasured: string,
): RatioRow {
  const value = median(perRound);
  if (value === undefined)
    return { ...base, value, perRound, met: undefined, note: base.note ?? notMeasured };
  const met = base.comparison === '>=' ? value >= base.target : value <= base.target;
  return { ...base, value, perRound, met };
}

/**
 * Computes issue 7's ratios, each as the median over rounds of that round's ratio (ours / the
 * baseline, measured side by side in the same round).
 */
export function computeRatios(rounds: RoundResult[]): RatioRow[] {
  const both = (system: PhaseResult['system'], round: RoundResult) => [
    saturated(round, system),
    saturated(round, 'raw-loop'),
  ];
  const latencyRatio = (pick: 'p50' | 'p99') => (round: RoundResult) => {
    const ours = atHalfLoad(round, 'pipeline');
    const raw = atHalfLoad(round, 'raw-loop');
    return ours && raw && raw.endToEnd[pick] > 0 ? ours.endToEnd[pick] / raw.endToEnd[pick] : undefined;
  };
  return [
    row(
      {
        id: 'throughput',
        label: 'pipeline orders/s (HTTP in -> notification out) / raw kafkajs loop, 3 hops',
        comparison: '>=',
        target: 0.5,
        aim: 0.7,
      },
      ratiosPerRound(rounds, (round) => {
        const [ours, raw] = both('pipeline', round);
        return ours && raw ? ours.throughputPerSecond / raw.throughputPerSecond : undefined;
      }),
      'not measured: a saturation phase of the pipeline or the raw loop consumed nothing',
    ),
    row(
      {
        id: 'cpu-per-hop',
        label: 'CPU us per order per hop, ours / raw loop',
        comparison: '<=',
        target: 1.5,
      },
      ratiosPerRound(rounds, (round) => {
        const [ours, raw] = both('pipeline', round);
        return ours && raw
          ? cpuMicrosecondsPerOrderPerHop(ours) / cpuMicrosecondsPerOrderPerHop(raw)
          : undefined;
      }),
      'not measured: a saturation phase consumed nothing',
    ),
    row(
      {
        id: 'http',
        label: 'POST /orders requests/s / bare Fastify JSON echo',
        comparison: '>=',
        target: 0.5,
      },
      ratiosPerRound(rounds, (round) => {
        const orders = round.http.find((result) => result.target === 'post-orders');
        const echo = round.http.find((result) => result.target === 'fastify-echo');
        return orders && echo && echo.requestsPerSecond > 0
          ? orders.requestsPerSecond / echo.requestsPerSecond
          : undefined;
      }),
      'not measured: an HTTP phase did not run',
    ),
    row(
      {
        id: 'latency-p50',
        label: 'end-to-end p50 at half the pipeline max, ours / raw (per hop: same 3 hops)',
        comparison: '<=',
        target: 2,
      },
      ratiosPerRound(rounds, latencyRatio('p50')),
      'not measured: no open-loop phase at half load',
    ),
    row(
      {
        id: 'latency-p99',
        label: 'end-to-end p99 at half the pipeline max, ours / raw (per hop: same 3 hops)',
        comparison: '<=',
        target: 3,
      },
      ratiosPerRound(rounds, latencyRatio('p99')),
      'not measured: no open-loop phase at half load',
    ),
  ];
}
