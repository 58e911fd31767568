import type { RoundResult } from '../phase-result.ts';
import type { PostgresStatistics } from '../postgres-statistics.ts';
import type { RatioRow } from './compute-ratios.ts';
import { formatPostgresStatistics } from './format-postgres-statistics.ts';
import { formatCpuTable, formatHttpTable, formatPhaseTable, formatRatioTable } from './format-report.ts';

/** Everything the end-of-run summary shows. */
export type RunSummary = {
  header: string;
  ratios: readonly RatioRow[];
  rounds: readonly RoundResult[];
  postgresStatistics?: PostgresStatistics;
  notes: readonly string[];
  filesLine: string;
};

/** The text `pnpm bench` prints at the end: ratios first, then every figure behind them. */
export function formatRunSummary(summary: RunSummary): string {
  return [
    summary.header,
    '',
    'Ratios (ours / baseline, median over rounds, measured side by side):',
    formatRatioTable(summary.ratios),
    '',
    'Phases (latency from intended send time, open loop where an offered load is given):',
    formatPhaseTable(summary.rounds),
    '',
    'HTTP (autocannon, closed loop, same settings for both):',
    formatHttpTable(summary.rounds),
    '',
    'CPU per process in saturation phases:',
    formatCpuTable(summary.rounds),
    ...(summary.postgresStatistics
      ? [
          '',
          'PostgreSQL work over the whole run (every phase, warm-ups included):',
          formatPostgresStatistics(summary.postgresStatistics),
        ]
      : []),
    ...(summary.notes.length > 0 ? ['', 'Notes:', ...summary.notes.map((note) => `- ${note}`)] : []),
    '',
    summary.filesLine,
  ].join('\n');
}
