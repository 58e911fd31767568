import { parseCliArguments } from './cli-arguments.ts';
import type { LocalServiceTool } from './local-service-tool.ts';

/** Exit codes of every local-service CLI; `stopped` is 3, as in `service status`. */
export const cliExitCodes = { ok: 0, failed: 1, badArguments: 2, stopped: 3 } as const;

/** What a tool's CLI does for each command; `start` and `stop` resolve to the lines to print. */
export type LocalServiceCommands<Status extends { readonly running: boolean }> = {
  /** Printed by `help`, and after the message for a command line that makes no sense. */
  readonly usage: string;
  /** Starts the server, or finds it running; `onProgress` prints a line at once. */
  readonly start: (onProgress: (message: string) => void) => Promise<string>;
  /** Stops the server; `force`: like a crash. */
  readonly stop: (options: { readonly force: boolean }) => Promise<string>;
  /** What `status` reports: printed as JSON with `--json`, else through `formatStatus`. */
  readonly status: () => Promise<Status>;
  readonly formatStatus: (status: Status) => string;
};

/** Where the CLI prints; `console` unless a test listens. */
export type CliOutput = {
  log(text: string): void;
  error(text: string, error?: unknown): void;
};

/**
 * Runs one command line of a tool's CLI and resolves to its exit code (see `cliExitCodes`). It
 * never throws: a tool error prints its message, any other error prints in full.
 */
export async function runLocalServiceCli<Status extends { readonly running: boolean }>(
  tool: Pick<LocalServiceTool, 'name' | 'isToolError'>,
  commands: LocalServiceCommands<Status>,
  argv: readonly string[],
  output: CliOutput = console,
): Promise<number> {
  try {
    return await runCommand(tool, commands, argv, output);
  } catch (error) {
    if (tool.isToolError(error)) {
      output.error(`${tool.name}: ${error.message}`);
    } else {
      output.error(`${tool.name}: unexpected failure`, error);
    }
    return cliExitCodes.failed;
  }
}

async function runCommand<Status extends { readonly running: boolean }>(
  tool: Pick<LocalServiceTool, 'name'>,
  commands: LocalServiceCommands<Status>,
  argv: readonly string[],
  output: CliOutput,
): Promise<number> {
  const parsed = parseCliArguments(argv);
  if (!parsed.ok) {
    output.error(`${tool.name}: ${parsed.message}\n\n${commands.usage}`);
    return cliExitCodes.badArguments;
  }
  const command = parsed.value;
  switch (command.command) {
    case 'help':
      output.log(commands.usage);
      return cliExitCodes.ok;
    case 'start':
      output.log(await commands.start((message) => output.log(message)));
      return cliExitCodes.ok;
    case 'stop':
      output.log(await commands.stop({ force: command.force }));
      return cliExitCodes.ok;
    case 'status': {
      const status = await commands.status();
      output.log(command.json ? JSON.stringify(status, null, 2) : commands.formatStatus(status));
      return status.running ? cliExitCodes.ok : cliExitCodes.stopped;
    }
  }
}
