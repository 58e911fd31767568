import { cpuMicrosecondsPerOrderPerHop, HOPS, type PhaseResult, type RoundResult } from '../phase-result.ts';
import type { RatioRow } from './compute-ratios.ts';
import { formatTable } from './format-table.ts';

const fixed = (value: number, digits = 1) => value.toFixed(digits);

function formatRatioValue(row: RatioRow): string {
  if (row.value === undefined) return row.note ?? 'not measured';
  const perRound =
    row.perRound.length > 1 ? ` (rounds: ${row.perRound.map((value) => fixed(value, 2)).join(', ')})` : '';
  return `${fixed(row.value, 2)}${perRound}`;
}

function formatVerdict(row: RatioRow): string {
  if (row.met === undefined) return '-';
  if (!row.met) return 'MISSED';
  if (row.aim !== undefined && row.comparison === '>=' && (row.value ?? 0) < row.aim)
    return 'met (below aim)';
  return 'met';
}

/** The ratio table of issue 7 with this run's values. */
export function formatRatioTable(rows: readonly RatioRow[]): string {
  return formatTable(
    ['ratio', 'target', 'measured', 'verdict'],
    rows.map((row) => [
      row.label,
      `${row.comparison} ${row.target}${row.aim !== undefined ? `, aim ${row.aim}` : ''}`,
      formatRatioValue(row),
      formatVerdict(row),
    ]),
  );
}

function phaseRow(round: number, result: PhaseResult): string[] {
  const cpuTotal = Object.values(result.cpuSeconds).reduce((sum, value) => sum + value, 0);
  return [
    String(round),
    result.system,
    result.mode === 'rate' ? `${fixed(result.offeredPerSecond ?? 0, 0)}/s` : 'max',
    `${result.acknowledged}/${result.sent}`,
    `${result.consumed}${result.duplicates > 0 ? ` (+${result.duplicates} dup)` : ''}`,
    fixed(result.throughputPerSecond, 0),
    `${fixed(result.acknowledgement.p50)} / ${fixed(result.acknowledgement.p99)}`,
    `${fixed(result.endToEnd.p50)} / ${fixed(result.endToEnd.p95)} / ${fixed(result.endToEnd.p99)}`,
    fixed(cpuTotal, 2),
    fixed(cpuMicrosecondsPerOrderPerHop(result), 0),
  ];
}

/** Absolute figures of every measured phase, round by round. */
export function formatPhaseTable(rounds: readonly RoundResult[]): string {
  const rows = rounds.flatMap((round) =>
    [...round.saturated, ...round.latency].map((result) => phaseRow(round.round, result)),
  );
  return formatTable(
    [
      'round',
      'system',
      'offered',
      'acked/sent',
      'consumed',
      'orders/s',
      'ack p50/p99 ms',
      'e2e p50/p95/p99 ms',
      'CPU s',
      `CPU us/order/hop (${HOPS} hops)`,
    ],
    rows,
  );
}

/** Closed-loop HTTP figures (autocannon) of every round. */
export function formatHttpTable(rounds: readonly RoundResult[]): string {
  return formatTable(
    ['round', 'target', 'connections', 'requests/s', 'p50 / p99 ms', 'non-2xx', 'errors'],
    rounds.flatMap((round) =>
      round.http.map((result) => [
        String(round.round),
        result.target,
        String(result.connections),
        fixed(result.requestsPerSecond, 0),
        `${fixed(result.latencyP50Ms)} / ${fixed(result.latencyP99Ms)}`,
        String(result.non2xx),
        String(result.errors),
      ]),
    ),
  );
}

/** CPU-seconds per process of the saturation phases (where the time goes). */
export function formatCpuTable(rounds: readonly RoundResult[]): string {
  return formatTable(
    ['round', 'system', 'process', 'CPU s', 'CPU us/consumed order'],
    rounds.flatMap((round) =>
      round.saturated.flatMap((result) =>
        Object.entries(result.cpuSeconds).map(([name, seconds]) => [
          String(round.round),
          result.system,
          name,
          fixed(seconds, 2),
          result.consumed > 0 ? fixed((seconds * 1e6) / result.consumed, 0) : '-',
        ]),
      ),
    ),
  );
}
