import { describe, expect, it } from 'vitest';
import { DeadLetterToolError } from './dead-letter-tool-error.ts';
import { parseArguments } from './parse-arguments.ts';

function usageError(argv: string[]): DeadLetterToolError {
  try {
    parseArguments(argv);
  } catch (error) {
    if (DeadLetterToolError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`parseArguments(${JSON.stringify(argv)}) did not throw`);
}

describe('parseArguments', () => {
  it('reads list filters, repeated and in --flag=value form', () => {
    expect(
      parseArguments([
        'list',
        '--topic',
        'orders.created',
        '--topic=orders.status',
        '--code',
        'CONTRACT_SCHEMA_VIOLATION',
        '--since',
        '2026-12-01T00:00:00Z',
        '--until=2026-12-02T00:00:00+03:00',
        '--brokers',
        'b:1',
      ]),
    ).toEqual({
      command: 'list',
      brokers: 'b:1',
      filter: {
        topics: ['orders.created', 'orders.status'],
        codes: ['CONTRACT_SCHEMA_VIOLATION'],
        since: new Date('2026-12-01T00:00:00Z'),
        until: new Date('2026-12-01T21:00:00Z'),
      },
    });
  });

  it('reads replay with --dry-run', () => {
    expect(parseArguments(['replay', '--dry-run', '--code', 'X'])).toMatchObject({
      command: 'replay',
      dryRun: true,
      filter: { codes: ['X'] },
    });
  });

  it('reads show with its three arguments', () => {
    expect(parseArguments(['show', 'orders.created.dlq', '2', '41'])).toEqual({
      command: 'show',
      brokers: undefined,
      topic: 'orders.created.dlq',
      partition: 2,
      offset: '41',
    });
  });

  it('refuses what it cannot mean, with the usage', () => {
    expect(usageError(['show', 'orders.created.dlq', 'x', '1']).message).toMatch(
      /<partition> must be a number/,
    );
    expect(usageError(['show', 'orders.created.dlq']).message).toMatch(
      /show needs <dlq-topic> <partition> <offset>/,
    );
    expect(usageError(['list', '--since', 'yesterday']).message).toMatch(/RFC 3339/);
    expect(
      usageError(['list', '--since', '2026-12-02T00:00:00Z', '--until', '2026-12-01T00:00:00Z']).message,
    ).toMatch(/must be before --until/);
    expect(usageError(['list', '--dry-run']).message).toMatch(/belongs to replay/);
    expect(usageError(['list', '--topic']).code).toBe('DEAD_LETTERS_USAGE');
    expect(usageError(['purge']).message).toMatch(/Unknown command "purge"/);
    expect(usageError(['list', '--force']).message).toMatch(/Unknown option "--force"/);
  });

  it('answers help without a command or with -h', () => {
    expect(parseArguments([])).toEqual({ command: 'help' });
    expect(parseArguments(['list', '-h'])).toEqual({ command: 'help' });
  });
});
