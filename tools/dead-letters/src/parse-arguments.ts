import type { DeadLetterFilter } from './dead-letter-filter.ts';
import { DeadLetterToolError } from './dead-letter-tool-error.ts';

/** The help text of the tool. */
export const USAGE = `Usage: dead-letters <command> [options]

Commands:
  list                                  one line per dead letter, then a count
  show <dlq-topic> <partition> <offset> one dead letter in full: key, value, headers, reason
  replay [--dry-run]                    re-produce the selected dead letters onto their source
                                        topic (original key, value, headers; x-dlq-* removed)

Filters (list and replay; each may repeat, all must match):
  --topic <source topic>      e.g. orders.created (reads orders.created.dlq); default: every *.dlq
  --code <error code>         x-dlq-error-code, e.g. CONTRACT_SCHEMA_VIOLATION
  --since <RFC 3339>          dead-lettered at or after, e.g. 2026-12-01T00:00:00Z
  --until <RFC 3339>          dead-lettered before

Options:
  --brokers <host:port,...>   default: KAFKA_BROKERS, else localhost:9092
  -h, --help                  show this text`;

/** A parsed command line. */
export type Command =
  | { command: 'help' }
  | { command: 'list'; brokers: string | undefined; filter: DeadLetterFilter }
  | { command: 'replay'; brokers: string | undefined; filter: DeadLetterFilter; dryRun: boolean }
  | { command: 'show'; brokers: string | undefined; topic: string; partition: number; offset: string };

const usage = (message: string) => new DeadLetterToolError('DEAD_LETTERS_USAGE', `${message}\n\n${USAGE}`);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function parseInstant(flag: string, text: string): Date {
  const instant = new Date(text);
  if (!DATE_TIME.test(text) || Number.isNaN(instant.getTime())) {
    throw usage(`${flag} needs an RFC 3339 date-time such as 2026-12-01T00:00:00Z, got "${text}"`);
  }
  return instant;
}

/** Parses the command line (without `node` and the script). */
export function parseArguments(argv: readonly string[]): Command {
  const positional: string[] = [];
  const topics: string[] = [];
  const codes: string[] = [];
  let since: Date | undefined;
  let until: Date | undefined;
  let brokers: string | undefined;
  let dryRun = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (!argument.startsWith('-')) {
      positional.push(argument);
      continue;
    }
    const equals = argument.indexOf('=');
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    const value = () => {
      const text = equals > 0 ? argument.slice(equals + 1) : argv[++index];
      if (text === undefined || text === '') throw usage(`${flag} needs a value`);
      return text;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--topic':
        topics.push(value());
        break;
      case '--code':
        codes.push(value());
        break;
      case '--since':
        since = parseInstant(flag, value());
        break;
      case '--until':
        until = parseInstant(flag, value());
        break;
      case '--brokers':
        brokers = value();
        break;
      case '--dry-run':
        dryRun = true;
        break;
      default:
        throw usage(`Unknown option "${argument}"`);
    }
  }
  const [command, ...rest] = positional;
  const filter: DeadLetterFilter = { topics, codes, since, until };
  if (since && until && since.getTime() >= until.getTime()) {
    throw usage(`--since (${since.toISOString()}) must be before --until (${until.toISOString()})`);
  }
  switch (command) {
    case undefined:
      return { command: 'help' };
    case 'list':
    case 'replay':
      if (rest.length > 0)
        throw usage(`${command} takes no arguments besides options, got "${rest.join(' ')}"`);
      if (command === 'list' && dryRun) throw usage('--dry-run belongs to replay, not list');
      return command === 'list' ? { command, brokers, filter } : { command, brokers, filter, dryRun };
    case 'show': {
      const [topic, partitionText, offset] = rest;
      if (topic === undefined || partitionText === undefined || offset === undefined || rest.length > 3) {
        throw usage('show needs <dlq-topic> <partition> <offset>, e.g. show orders.created.dlq 0 42');
      }
      if (!/^\d+$/.test(partitionText)) throw usage(`<partition> must be a number, got "${partitionText}"`);
      if (!/^\d+$/.test(offset)) throw usage(`<offset> must be a number, got "${offset}"`);
      if (topics.length + codes.length > 0 || since || until || dryRun) {
        throw usage('show takes no filters: it names one record');
      }
      return { command, brokers, topic, partition: Number(partitionText), offset };
    }
    default:
      throw usage(`Unknown command "${command}"`);
  }
}
