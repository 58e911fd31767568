import { readFileSync } from 'node:fs';
import { ORDER_STATUS_TRANSITIONS, type OrderStatus } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { StatusWorkerConfigSchema } from './config.ts';
import { STATUS_WORKER_ERRORS, type StatusWorkerErrorCode } from './errors.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const lines = readme.split('\n');

describe('README', () => {
  it('documents every error code with its HTTP status and whether it is retryable', () => {
    for (const code of Object.keys(STATUS_WORKER_ERRORS) as StatusWorkerErrorCode[]) {
      const entry = STATUS_WORKER_ERRORS[code];
      const row = lines.find((line) => line.startsWith(`| \`${code}\``));
      expect(row, `README row for ${code}`).toBeDefined();
      expect(row).toContain(`| ${entry.httpStatus} | ${entry.retryable ? 'yes' : 'no'} |`);
    }
  });

  it('draws exactly the lifecycle of the contracts package', () => {
    const diagram = readme.slice(
      readme.indexOf('```mermaid'),
      readme.indexOf('```', readme.indexOf('```mermaid') + 3),
    );
    const drawn = [...diagram.matchAll(/^\s+([A-Z]+) --> ([A-Z]+)\s*$/gm)].map(
      (match) => `${match[1]}->${match[2]}`,
    );
    const lifecycle = (
      Object.entries(ORDER_STATUS_TRANSITIONS) as [OrderStatus, readonly OrderStatus[]][]
    ).flatMap(([from, targets]) => targets.map((to) => `${from}->${to}`));
    expect(drawn.sort()).toEqual(lifecycle.sort());
  });

  it('lists every configuration variable, and only those', () => {
    const documented = lines
      .map((line) => /^\| `([A-Z_]+)` \|/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined && !name.startsWith('STATUS_WORKER_'));
    expect(documented.sort()).toEqual(Object.keys(StatusWorkerConfigSchema.properties).sort());
  });
});
