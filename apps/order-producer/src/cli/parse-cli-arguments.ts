/** What the command line asked for. */
export type CliCommand =
  | { kind: 'send'; input: string; publish: boolean; publishTimeoutMs: number }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

/** The usage text. */
export const usage = `Usage: order-producer send FILE|- [--no-publish] [--publish-timeout-ms N]

Reads one order (JSON), an array of orders, or many (NDJSON, one per line) from FILE or stdin (-),
validates and stores each exactly like POST /orders, then publishes the new ones to Kafka.
Configuration comes from the same environment variables as the server (DATABASE_URL, KAFKA_BROKERS, ...).

  --no-publish             store only; a running order-producer relay publishes them later
  --publish-timeout-ms N   how long to wait for Kafka before leaving orders pending (default 30000)

Prints progress on stderr for long runs and a JSON summary on stdout.
Exit code: 0 all accepted or duplicates, 2 some rejected, 1 usage or fatal error.`;

/** Parses `process.argv.slice(2)`. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { kind: 'help' };
  if (command !== 'send') return { kind: 'invalid', message: `Unknown command "${command}".` };
  let input: string | undefined;
  let publish = true;
  let publishTimeoutMs = 30_000;
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index] as string;
    if (argument === '--no-publish') publish = false;
    else if (argument === '--publish-timeout-ms') {
      const value = Number(rest[index + 1]);
      if (!Number.isInteger(value) || value < 0) {
        return { kind: 'invalid', message: '--publish-timeout-ms needs a non-negative integer.' };
      }
      publishTimeoutMs = value;
      index += 1;
    } else if (argument.startsWith('--'))
      return { kind: 'invalid', message: `Unknown option "${argument}".` };
    else if (input === undefined) input = argument;
    else return { kind: 'invalid', message: `Unexpected argument "${argument}": give one FILE or -.` };
  }
  if (input === undefined) return { kind: 'invalid', message: 'Missing FILE (or - for stdin).' };
  return { kind: 'send', input, publish, publishTimeoutMs };
}
