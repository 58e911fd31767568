import { type LogEntry, type logCreator, logLevel } from 'kafkajs';
import type { Logger } from 'pino';

/** The kafkajs log level that lets through what the pino logger would print. */
export function kafkaLogLevelFor(logger: Logger): logLevel {
  if (logger.isLevelEnabled('debug')) return logLevel.DEBUG;
  if (logger.isLevelEnabled('info')) return logLevel.INFO;
  if (logger.isLevelEnabled('warn')) return logLevel.WARN;
  if (logger.isLevelEnabled('error')) return logLevel.ERROR;
  return logLevel.NOTHING;
}

/**
 * Routes kafkajs log entries into pino at the matching level, with kafkajs' fields as data.
 * Two kinds of kafkajs ERROR entries become warnings: anything from the `Connection` layer (a
 * refused or reset socket, an error response -- the producer, consumer or relay above decides
 * whether it is fatal and reports it), and a failure kafkajs is about to retry (it carries
 * `retryCount`), e.g. CONCURRENT_TRANSACTIONS right after a commit. Otherwise every reconnect
 * attempt during an outage would log an error.
 */
export function createKafkaLogCreator(logger: Logger): logCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () => (entry: LogEntry) => {
    const { message, timestamp: _timestamp, ...fields } = entry.log;
    const data = { ...fields, namespace: entry.namespace };
    const retried = entry.namespace === 'Connection' || typeof fields.retryCount === 'number';
    const level = entry.level === logLevel.ERROR && retried ? logLevel.WARN : entry.level;
    switch (level) {
      case logLevel.ERROR:
        kafkaLogger.error(data, message);
        break;
      case logLevel.WARN:
        kafkaLogger.warn(data, message);
        break;
      case logLevel.INFO:
        kafkaLogger.info(data, message);
        break;
      default:
        kafkaLogger.debug(data, message);
    }
  };
}
