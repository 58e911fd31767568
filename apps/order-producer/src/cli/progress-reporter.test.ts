import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter.ts';

describe('createProgressReporter', () => {
  it('prints nothing before the interval and then a line with counts and percentage', () => {
    const lines: string[] = [];
    let clock = 0;
    const reporter = createProgressReporter({
      write: (text) => void lines.push(text),
      totalBytes: 1_000,
      bytesRead: () => 250,
      now: () => clock,
    });
    const summary = { accepted: 8, duplicates: 1, rejected: 1, rejections: [] };
    clock = 500;
    reporter.update(summary);
    expect(lines).toEqual([]);
    clock = 1_000;
    reporter.update(summary);
    expect(lines).toEqual(['progress: 25% 10 orders (8 accepted, 1 duplicates, 1 rejected), 10/s\n']);
  });
});
