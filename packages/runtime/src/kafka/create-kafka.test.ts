import { Writable } from 'node:stream';
import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createKafka } from './create-kafka.ts';
import { createKafkaLogCreator, kafkaLogLevelFor } from './kafka-log-bridge.ts';

function captureLogger(level: 'debug' | 'info' | 'warn' = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ name: 'test', level, destination }) };
}

describe('createKafka', () => {
  it('requires SASL credentials when a mechanism is set', () => {
    const { logger } = captureLogger();
    const build = () =>
      createKafka(
        {
          KAFKA_BROKERS: 'localhost:9092',
          KAFKA_CLIENT_ID: 'x',
          KAFKA_SASL_MECHANISM: 'plain',
          KAFKA_SASL_USERNAME: 'u',
        },
        logger,
      );
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/KAFKA_SASL_PASSWORD/);
  });

  it('rejects a broker list without brokers', () => {
    const { logger } = captureLogger();
    expect(() => createKafka({ KAFKA_BROKERS: ' , ', KAFKA_CLIENT_ID: 'x' }, logger)).toThrow(
      /KAFKA_BROKERS/,
    );
  });
});

describe('kafkajs log bridge', () => {
  it('writes kafkajs entries into pino at the matching level with their fields', () => {
    const { lines, logger } = captureLogger();
    const log = createKafkaLogCreator(logger)(logLevel.DEBUG);
    const entry = (level: logLevel, message: string) => ({
      namespace: 'Producer',
      level,
      label: 'X',
      log: { timestamp: 'now', message, broker: 'localhost:9092' },
    });
    log(entry(logLevel.ERROR, 'e'));
    log(entry(logLevel.WARN, 'w'));
    log(entry(logLevel.INFO, 'i'));
    log(entry(logLevel.DEBUG, 'd'));
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['error', 'e'],
      ['warn', 'w'],
      ['info', 'i'],
      ['debug', 'd'],
    ]);
    expect(lines[0]).toMatchObject({ component: 'kafkajs', namespace: 'Producer', broker: 'localhost:9092' });
  });

  it('reports retried failures and connection-level errors as warnings, not errors', () => {
    const { lines, logger } = captureLogger();
    const log = createKafkaLogCreator(logger)(logLevel.DEBUG);
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'Response AddPartitionsToTxn(key: 24, version: 1)' },
    });
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' },
    });
    log({
      namespace: 'Producer',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'Failed to send messages', retryCount: 0 },
    });
    log({
      namespace: 'Producer',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'fatal' },
    });
    expect(lines.map((line) => line.level)).toEqual(['warn', 'warn', 'warn', 'error']);
  });

  it('asks kafkajs only for what pino would print', () => {
    expect(kafkaLogLevelFor(captureLogger('warn').logger)).toBe(logLevel.WARN);
    expect(kafkaLogLevelFor(captureLogger('info').logger)).toBe(logLevel.INFO);
  });
});
