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

/** Usage text of `node tools/local-postgres/src/cli.ts`. */
export const cliUsage = `Usage: local-postgres <command> [options]

Commands:
  start            start the test PostgreSQL (initdb the first time); prints TEST_DATABASE_URL=...
  stop [--force]   stop it (--force: "immediate" mode, like a crash)
  status [--json]  print whether it runs; exit code 0 when running, 3 when stopped

Environment:
  PG_PORT              port on 127.0.0.1 (default 54329)
  PG_BIN_DIR           folder with initdb/pg_ctl/postgres (default: newest /usr/lib/postgresql/*/bin)
  ORDER_SERVICE_CACHE  cache folder (default ~/.cache/order-service); data in <cache>/postgres/data`;

/** Parses the arguments after the script name. */
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
