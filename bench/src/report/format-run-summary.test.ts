import { describe, expect, it } from 'vitest';
import { formatRunSummary } from './format-run-summary.ts';

describe('formatRunSummary', () => {
  const base = {
    header: 'Order Service benchmark',
    ratios: [],
    rounds: [],
    notes: [],
    filesLine: 'Results: x.json',
  };

  it('puts the ratios before the figures behind them and ends with where the files went', () => {
    const text = formatRunSummary(base);
    expect(text.indexOf('Ratios')).toBeLessThan(text.indexOf('Phases'));
    expect(text.trimEnd().endsWith('Results: x.json')).toBe(true);
    expect(text).not.toContain('Notes:');
    expect(text).not.toContain('PostgreSQL work');
  });

  it('lists the notes, such as a ratio that could not be measured', () => {
    expect(formatRunSummary({ ...base, notes: ['pipeline not measured: the apps are not built'] })).toContain(
      '- pipeline not measured: the apps are not built',
    );
  });
});
