import { Writable } from 'node:stream';
import { type Level, type Logger, pino } from 'pino';

const levels: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * A pino logger for tests: silent (it writes nowhere), unless TEST_LOG_LEVEL names a level, then
 * it logs at that level to stdout for debugging a test.
 */
export function testLogger(options: { name?: string } = {}): Logger {
  const name = options.name ?? 'test';
  const level = process.env.TEST_LOG_LEVEL;
  if (level !== undefined && levels.includes(level)) return pino({ name, level: level as Level });
  return pino({ name, level: 'silent' }, new Writable({ write: (_chunk, _encoding, done) => done() }));
}
