import { describe, expect, it } from 'vitest';
import { redactSecretKeys } from './redact-secret-keys.ts';

describe('redactSecretKeys', () => {
  it('censors keys containing SECRET at the top level and in nested config objects', () => {
    expect(
      redactSecretKeys({
        WEBHOOK_SECRET: 'w',
        client_secret: 'c',
        config: { WEBHOOK_SECRET: 'n', PORT: 3003 },
        order_id: 'a',
      }),
    ).toEqual({
      WEBHOOK_SECRET: '[redacted]',
      client_secret: '[redacted]',
      config: { WEBHOOK_SECRET: '[redacted]', PORT: 3003 },
      order_id: 'a',
    });
  });

  it('returns the same object when nothing is secret and never mutates its input', () => {
    const plain = { order_id: 'a', config: { PORT: 1 } };
    expect(redactSecretKeys(plain)).toBe(plain);
    const withSecret = { config: { API_SECRET: 's' } };
    redactSecretKeys(withSecret);
    expect(withSecret.config.API_SECRET).toBe('s');
  });

  it('leaves errors and other class instances alone', () => {
    const error = new Error('boom');
    expect(redactSecretKeys({ err: error }).err).toBe(error);
  });
});
