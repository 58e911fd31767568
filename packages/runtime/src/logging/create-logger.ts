import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { redactSecretKeys } from './redact-secret-keys.ts';

/** Options of `createLogger`. */
export interface CreateLoggerOptions {
  /** The app or component name, logged as `name` on every line. */
  name: string;
  level?: LevelWithSilent;
  /** Where lines go; defaults to stdout. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/**
 * Paths whose values never reach a log line (config objects, HTTP headers, driver errors); any key
 * containing `SECRET` is censored as well (see `redactSecretKeys`).
 */
export const redactedPaths = [
  'password',
  '*.password',
  'API_KEY',
  '*.API_KEY',
  'KAFKA_SASL_PASSWORD',
  '*.KAFKA_SASL_PASSWORD',
  'DATABASE_URL',
  '*.DATABASE_URL',
  'databaseUrl',
  '*.databaseUrl',
  'connectionString',
  '*.connectionString',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

/** Creates the root JSON logger of an app; pass it down and derive child loggers from it. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const settings = {
    name: options.name,
    level: options.level ?? 'info',
    redact: { paths: redactedPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (object: Record<string, unknown>) => redactSecretKeys(object),
    },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

export type { Logger } from 'pino';
