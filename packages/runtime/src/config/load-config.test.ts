import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import { serviceConfigSchema } from './service-config.ts';

const schema = Type.Object({ ...serviceConfigSchema, PORT: Type.Integer({ default: 3001, minimum: 0 }) });

describe('loadConfig', () => {
  it('fills defaults and converts strings to numbers and booleans', () => {
    const config = loadConfig(schema, { PORT: '8080', KAFKA_SSL: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_SSL).toBe(true);
    expect(config.KAFKA_BROKERS).toBe('localhost:9092');
    expect(config.TOPIC_ORDERS_CREATED).toBe('orders.created');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('returns a frozen object', () => {
    const config = loadConfig(schema, {});
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty strings as unset so defaults apply', () => {
    expect(loadConfig(schema, { PORT: '' }).PORT).toBe(3001);
  });

  it('ignores variables the schema does not name', () => {
    const config = loadConfig(schema, { UNRELATED: 'x' }) as Record<string, unknown>;
    expect(config.UNRELATED).toBeUndefined();
  });

  it('names every bad or missing variable with what to set', () => {
    const strict = Type.Object({ ...serviceConfigSchema, REQUIRED_THING: Type.String({ minLength: 1 }) });
    let caught: unknown;
    try {
      loadConfig(strict, { PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://secret@x' });
    } catch (error) {
      caught = error;
    }
    expect(ConfigError.isInstance(caught)).toBe(true);
    const error = caught as ConfigError;
    expect(error.code).toBe('RUNTIME_CONFIG_INVALID');
    expect(error.retryable).toBe(false);
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'PORT',
      'REQUIRED_THING',
    ]);
    expect(error.message).toContain('REQUIRED_THING: is required but not set');
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).toContain('one of fatal, error, warn, info, debug, trace, silent');
    expect(error.message).toContain('PORT: has the value "abc"');
    expect(error.message).not.toContain('secret');
  });
});
