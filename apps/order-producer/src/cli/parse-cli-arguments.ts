/** What the command line asked for. */
export type CliCommand =
  | {
      kind: 'send';
      input: string;
      publish: boolean;
      publishTimeoutMs: number;
      /** The running service's address (`--url`); absent: DATABASE_URL's PostgreSQL, else the local default. */
      url?: string;
      /** `--api-key`; the API_KEY environment variable otherwise. */
      apiKey?: string;
    }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

/** The usage text. */
export const usage = `Usage: order-producer send FILE|- [--url URL] [--api-key KEY] [--no-publish] [--publish-timeout-ms N]

Reads one order (JSON), an array of orders, or many (NDJSON, one per line) from FILE or stdin (-)
and sends each to the running order-producer (POST /orders), which validates, stores and publishes
it. With DATABASE_URL set and no --url, it stores them itself in that PostgreSQL (shared with the
server) and publishes them. It never opens the server's embedded (PGlite) store.

  --url URL                the running service (default http://localhost:$PORT, PORT default 3001)
  --api-key KEY            its API key (default: the API_KEY environment variable)
  --no-publish             do not wait for Kafka; the service's relay publishes them
  --publish-timeout-ms N   how long to wait for Kafka before reporting orders pending (default 30000)

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
  let url: string | undefined;
  let apiKey: string | undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index] as string;
    if (argument === '--no-publish') publish = false;
    else if (argument === '--url' || argument === '--api-key') {
      const value = rest[index + 1];
      if (value === undefined || value === '' || value.startsWith('--'))
        return { kind: 'invalid', message: `${argument} needs a value.` };
      if (argument === '--url') {
        if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
          return { kind: 'invalid', message: `--url needs an http(s) URL, got "${value}".` };
        url = value;
      } else apiKey = value;
      index += 1;
    } else if (argument === '--publish-timeout-ms') {
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
  return {
    kind: 'send',
    input,
    publish,
    publishTimeoutMs,
    ...(url === undefined ? {} : { url }),
    ...(apiKey === undefined ? {} : { apiKey }),
  };
}
