import { describe, expect, it } from 'vitest';
import { type CliOutput, type LocalServiceCommands, runLocalServiceCli } from './run-local-service-cli.ts';

type FakeStatus = { readonly running: boolean; readonly pid?: number };

class FakeToolError extends Error {}

const tool = {
  name: 'local-fake',
  isToolError: (error: unknown): error is FakeToolError => error instanceof FakeToolError,
};

function fakeCommands(
  overrides: Partial<LocalServiceCommands<FakeStatus>> = {},
): LocalServiceCommands<FakeStatus> {
  return {
    usage: 'Usage: local-fake <command>',
    start: async (onProgress) => {
      onProgress('starting...');
      return 'started';
    },
    stop: async ({ force }) => (force ? 'killed' : 'stopped'),
    status: async () => ({ running: true, pid: 42 }),
    formatStatus: (status) => (status.running ? `running (pid ${status.pid})` : 'stopped'),
    ...overrides,
  };
}

function recordOutput(): CliOutput & { logged: string[]; errors: unknown[][] } {
  const logged: string[] = [];
  const errors: unknown[][] = [];
  return {
    logged,
    errors,
    log: (text) => logged.push(text),
    error: (...values) => errors.push(values),
  };
}

describe('runLocalServiceCli', () => {
  it('starts with progress lines, then prints the result and exits 0', async () => {
    const output = recordOutput();
    expect(await runLocalServiceCli(tool, fakeCommands(), ['start'], output)).toBe(0);
    expect(output.logged).toEqual(['starting...', 'started']);
  });

  it('passes --force to stop', async () => {
    const output = recordOutput();
    expect(await runLocalServiceCli(tool, fakeCommands(), ['stop', '--force'], output)).toBe(0);
    expect(await runLocalServiceCli(tool, fakeCommands(), ['stop'], output)).toBe(0);
    expect(output.logged).toEqual(['killed', 'stopped']);
  });

  it('exits 0 when the status is running and 3 when it is stopped', async () => {
    const output = recordOutput();
    expect(await runLocalServiceCli(tool, fakeCommands(), ['status'], output)).toBe(0);
    const stopped = fakeCommands({ status: async () => ({ running: false }) });
    expect(await runLocalServiceCli(tool, stopped, ['status'], output)).toBe(3);
    expect(output.logged).toEqual(['running (pid 42)', 'stopped']);
  });

  it('prints the status as indented JSON with --json', async () => {
    const output = recordOutput();
    expect(await runLocalServiceCli(tool, fakeCommands(), ['status', '--json'], output)).toBe(0);
    expect(output.logged).toEqual([JSON.stringify({ running: true, pid: 42 }, null, 2)]);
  });

  it('prints the usage for help and exits 0', async () => {
    const output = recordOutput();
    expect(await runLocalServiceCli(tool, fakeCommands(), ['--help'], output)).toBe(0);
    expect(output.logged).toEqual(['Usage: local-fake <command>']);
  });

  it('exits 2 with the problem and the usage for a bad command line, running nothing', async () => {
    const output = recordOutput();
    const commands = fakeCommands({
      start: () => {
        throw new Error('must not run');
      },
    });
    expect(await runLocalServiceCli(tool, commands, ['start', '--now'], output)).toBe(2);
    expect(output.errors).toEqual([
      ['local-fake: start takes no options (got --now)\n\nUsage: local-fake <command>'],
    ]);
    expect(output.logged).toEqual([]);
  });

  it("exits 1 with only the message of the tool's own error", async () => {
    const output = recordOutput();
    const commands = fakeCommands({
      stop: async () => {
        throw new FakeToolError('port 9 is in use; stop the process that holds it');
      },
    });
    expect(await runLocalServiceCli(tool, commands, ['stop'], output)).toBe(1);
    expect(output.errors).toEqual([['local-fake: port 9 is in use; stop the process that holds it']]);
  });

  it('exits 1 and prints any other error in full', async () => {
    const output = recordOutput();
    const failure = new TypeError('undefined is not a function');
    const commands = fakeCommands({ status: () => Promise.reject(failure) });
    expect(await runLocalServiceCli(tool, commands, ['status'], output)).toBe(1);
    expect(output.errors).toEqual([['local-fake: unexpected failure', failure]]);
  });
});
