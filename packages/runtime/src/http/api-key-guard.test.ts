import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import {
  type ApiKeyGuardOptions,
  apiKeyGuard,
  type HttpAccess,
  READ_TOKEN_COOKIE,
  readToken,
  resolveHttpAccess,
} from './api-key-guard.ts';
import { type BaseServer, buildBaseServer } from './build-base-server.ts';

const key = 'a-secret-key-0123456789';
const logger = createLogger({
  name: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});
const servers: BaseServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

function serve(access: HttpAccess, options: ApiKeyGuardOptions): BaseServer {
  const app = buildBaseServer({ logger, metrics: createMetrics('test') });
  app.get('/guarded', { onRequest: apiKeyGuard(access, options) }, async () => ({ ok: true }));
  servers.push(app);
  return app;
}

describe('resolveHttpAccess', () => {
  it('refuses production without API_KEY, naming both ways out', () => {
    expect(() => resolveHttpAccess({ ORDER_SERVICE_MODE: 'production' })).toThrow(ConfigError);
    expect(() => resolveHttpAccess({ ORDER_SERVICE_MODE: 'production' })).toThrow(
      /API_KEY.*Set API_KEY=.*or ORDER_SERVICE_MODE=development/s,
    );
  });

  it('accepts production with a key and development with or without one', () => {
    expect(resolveHttpAccess({ ORDER_SERVICE_MODE: 'production', API_KEY: key })).toEqual({
      mode: 'production',
      apiKey: key,
    });
    expect(resolveHttpAccess({ ORDER_SERVICE_MODE: 'development' })).toEqual({
      mode: 'development',
      apiKey: undefined,
    });
  });
});

describe('apiKeyGuard', () => {
  it('guards reads in production and opens them in development mode', async () => {
    const production = serve({ mode: 'production', apiKey: key }, { kind: 'read' });
    expect((await production.inject({ url: '/guarded' })).statusCode).toBe(401);
    expect((await production.inject({ url: '/guarded', headers: { 'x-api-key': key } })).statusCode).toBe(
      200,
    );
    const development = serve({ mode: 'development', apiKey: key }, { kind: 'read' });
    expect((await development.inject({ url: '/guarded' })).statusCode).toBe(200);
  });

  it('guards writes whenever a key is configured, also in development mode', async () => {
    const withKey = serve({ mode: 'development', apiKey: key }, { kind: 'write' });
    expect((await withKey.inject({ url: '/guarded' })).statusCode).toBe(401);
    expect((await withKey.inject({ url: '/guarded', headers: { 'x-api-key': key } })).statusCode).toBe(200);
    const withoutKey = serve({ mode: 'development', apiKey: undefined }, { kind: 'write' });
    expect((await withoutKey.inject({ url: '/guarded' })).statusCode).toBe(200);
  });

  it('rejects a wrong key of any length', async () => {
    const app = serve({ mode: 'production', apiKey: key }, {});
    for (const wrong of ['', 'x', `${key}x`, key.slice(0, -1), key.toUpperCase()]) {
      const response = await app.inject({ url: '/guarded', headers: { 'x-api-key': wrong } });
      expect(response.statusCode).toBe(401);
    }
  });

  it('accepts the read-token cookie only where allowed, and never the key itself as cookie', async () => {
    const cookie = `other=1; ${READ_TOKEN_COOKIE}=${readToken(key)}`;
    const page = serve({ mode: 'production', apiKey: key }, { kind: 'read', acceptReadCookie: true });
    expect((await page.inject({ url: '/guarded', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await page.inject({ url: '/guarded', headers: { cookie: `${READ_TOKEN_COOKIE}=${key}` } })).statusCode,
    ).toBe(401);
    const write = serve({ mode: 'production', apiKey: key }, { kind: 'write' });
    expect((await write.inject({ url: '/guarded', headers: { cookie } })).statusCode).toBe(401);
  });

  it('derives a read token that differs from the key and from other keys', () => {
    expect(readToken(key)).not.toBe(key);
    expect(readToken(key)).not.toBe(readToken(`${key}!`));
  });
});
