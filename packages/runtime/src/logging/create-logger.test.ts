import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines with the name and a textual level', () => {
    const { lines, stream } = capture();
    createLogger({ name: 'order-producer', destination: stream }).info({ order_id: 'a' }, 'order accepted');
    expect(lines[0]).toMatchObject({
      name: 'order-producer',
      level: 'info',
      order_id: 'a',
      msg: 'order accepted',
    });
  });

  it('redacts secrets in config objects and headers', () => {
    const { lines, stream } = capture();
    createLogger({ name: 'x', destination: stream }).info(
      {
        config: { API_KEY: 'k'.repeat(20), DATABASE_URL: 'postgres://u:p@h/db', KAFKA_SASL_PASSWORD: 'pw' },
        headers: { 'x-api-key': 'secret-key' },
      },
      'started',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('kkkk');
    expect(text).not.toContain('u:p@h');
    expect(text).not.toContain('secret-key');
    expect(text).not.toContain('"pw"');
  });

  it("redacts any *SECRET* config key, such as an app's WEBHOOK_SECRET", () => {
    const { lines, stream } = capture();
    createLogger({ name: 'x', destination: stream }).info(
      { config: { WEBHOOK_SECRET: 'hook-secret-value', PORT: 3003 } },
      'started',
    );
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('hook-secret-value');
    expect(lines[0]).toMatchObject({ config: { WEBHOOK_SECRET: '[redacted]', PORT: 3003 } });
  });

  it('drops lines below the configured level', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ name: 'x', level: 'warn', destination: stream });
    logger.info('ignored');
    logger.warn('kept');
    expect(lines.map((line) => line.msg)).toEqual(['kept']);
  });
});
