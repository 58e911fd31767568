/** A command line the CLI understood. */
export type CliCommand =
  | { readonly command: 'start' }
  | { readonly command: 'stop'; readonly force: boolean }
  | { readonly command: 'status'; readonly json: boolean }
  | { readonly command: 'help' };

/** The result of parsing: a command, or a message for a command line that makes no sense. */
export type ParsedCli =
  | { readonly ok: true; readonly value: CliCommand }
  | { readonly ok: false; readonly message: string };

/** Parses the arguments after the script name: `start`, `stop [--force]`, `status [--json]`, `help`. */
export function parseCliArguments(argv: readonly string[]): ParsedCli {
  const [command, ...rest] = argv;
  const unknownFlags = (allowed: readonly string[]) => rest.filter((flag) => !allowed.includes(flag));
  switch (command) {
    case 'start': {
      const unknown = unknownFlags([]);
      return unknown.length > 0
        ? invalid(`start takes no options (got ${unknown.join(' ')})`)
        : { ok: true, value: { command } };
    }
    case 'stop': {
      const unknown = unknownFlags(['--force']);
      return unknown.length > 0
        ? invalid(`unknown option for stop: ${unknown.join(' ')}`)
        : { ok: true, value: { command, force: rest.includes('--force') } };
    }
    case 'status': {
      const unknown = unknownFlags(['--json']);
      return unknown.length > 0
        ? invalid(`unknown option for status: ${unknown.join(' ')}`)
        : { ok: true, value: { command, json: rest.includes('--json') } };
    }
    case 'help':
    case '--help':
    case '-h':
      return { ok: true, value: { command: 'help' } };
    case undefined:
      return invalid('no command given');
    default:
      return invalid(`unknown command "${command}"`);
  }
}

function invalid(message: string): ParsedCli {
  return { ok: false, message };
}
