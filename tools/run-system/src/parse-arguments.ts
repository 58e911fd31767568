/** What `pnpm start` was asked to do. */
export type RunOptions = {
  help: boolean;
  /** Feed a stream of demo orders and move them through their lifecycle. */
  demo: boolean;
  /** Demo orders per minute. */
  demoOrdersPerMinute: number;
  /** Delete the embedded stores under .data/ before starting. */
  fresh: boolean;
};

/** The help text of the command. */
export const USAGE = `Usage: pnpm start [--demo] [--demo-rate <orders per minute>] [--fresh]

Starts the local Kafka (unless KAFKA_BROKERS is set) and the three apps on their embedded stores
(or on DATABASE_URL when set), and prints where each listens. Ctrl-C stops everything.

  --demo                 feed realistic orders and move them through their lifecycle
  --demo-rate <n>        demo orders per minute (default 30)
  --fresh                delete the apps' embedded stores (.data/) first
  -h, --help             show this text`;

/** A command line this tool does not understand; the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses the command line (without `node` and the script). */
export function parseArguments(argv: readonly string[]): RunOptions {
  const options: RunOptions = { help: false, demo: false, demoOrdersPerMinute: 30, fresh: false };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const [flag, inlineValue] = argument.startsWith('--') ? argument.split('=', 2) : [argument, undefined];
    switch (flag) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--demo':
        options.demo = true;
        break;
      case '--fresh':
        options.fresh = true;
        break;
      case '--demo-rate': {
        const text = inlineValue ?? argv[++index];
        const rate = Number(text);
        if (text === undefined || !Number.isFinite(rate) || rate <= 0 || rate > 6000) {
          throw new UsageError(
            `--demo-rate needs a number of orders per minute from 1 to 6000, got ${text ?? 'nothing'}`,
          );
        }
        options.demo = true;
        options.demoOrdersPerMinute = rate;
        break;
      }
      case '--':
        break;
      default:
        throw new UsageError(`Unknown option "${argument}".\n\n${USAGE}`);
    }
  }
  return options;
}
