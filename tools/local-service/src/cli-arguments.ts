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

/** Usage text of `node tools/local-kafka/src/cli.ts`. */
export const cliUsage = `Usage: local-kafka <command> [options]

Commands:
  start            start the local Kafka broker (resolving it with mvn the first time) and create the topics
  stop [--force]   stop it (--force: SIGKILL at once, like a crash)
  status [--json]  print whether it runs; exit code 0 when running, 3 when stopped

Environment:
  KAFKA_BROKERS        use this existing cluster (host:port,...) instead of a local broker
  KAFKA_PARTITIONS     partitions of created topics (default 3)
  KAFKA_PORT           port of the local broker (default 9092); KAFKA_CONTROLLER_PORT (default KAFKA_PORT+1)
  KAFKA_HEAP_OPTS      broker heap flags (default "-Xmx1g -Xms256m")
  ORDER_SERVICE_CACHE  cache folder (default ~/.cache/order-service); Kafka lives in <cache>/kafka/<version>
  JAVA_HOME            Java 17+ to run the broker (default: java on the PATH)`;

/** Parses the arguments after the script name. */
export function parseCliArguments(argv: readonly string[]): ParsedCli {
  const [command, ...rest] = argv;
  const flags = new Set(rest);
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
        : { ok: true, value: { command, force: flags.has('--force') } };
    }
    case 'status': {
      const unknown = unknownFlags(['--json']);
      return unknown.length > 0
        ? invalid(`unknown option for status: ${unknown.join(' ')}`)
        : { ok: true, value: { command, json: flags.has('--json') } };
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
