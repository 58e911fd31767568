import { Writable } from 'node:stream';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import { apiKeyGuard } from './api-key-guard.ts';
import { type BaseServer, buildBaseServer } from './build-base-server.ts';
import { HttpError } from './http-error.ts';

const logger = createLogger({
  name: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});
const servers: BaseServer[] = [];
// Fastify emits each deprecation warning once per process: listening from the file's start sees it.
const warningCodes: string[] = [];
process.on('warning', (warning: Error & { code?: string }) =>
  warningCodes.push(warning.code ?? warning.name),
);

function build(readinessOk = true): BaseServer {
  const app = buildBaseServer({
    logger,
    metrics: createMetrics('test'),
    bodyLimit: 1_000,
    readiness: [
      {
        name: 'store',
        check: async () => {
          if (!readinessOk) throw new Error('database down');
        },
      },
    ],
  });
  app.post(
    '/things',
    {
      onRequest: apiKeyGuard({ mode: 'production', apiKey: 'k'.repeat(16) }),
      schema: {
        body: Type.Object({ name: Type.String(), count: Type.Integer() }, { additionalProperties: false }),
      },
    },
    async (request) => ({ got: request.body.name }),
  );
  app.get('/conflict', async () => {
    throw new HttpError(409, 'TEST_CONFLICT', 'differs', {
      violations: [{ path: '/a', message: 'differs' }],
    });
  });
  app.get('/boom', async () => {
    throw new Error('secret internals');
  });
  servers.push(app);
  return app;
}

const auth = { 'x-api-key': 'k'.repeat(16) };

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('buildBaseServer', () => {
  it('sets no deprecated Fastify option, such as the top-level disableRequestLogging (FSTDEP023)', async () => {
    const app = build();
    await app.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(warningCodes.filter((code) => code.startsWith('FSTDEP'))).toEqual([]);
  });

  it('answers /health', async () => {
    const response = await build().inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready with 503 naming the failing check', async () => {
    const response = await build(false).inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'not_ready', checks: { store: 'database down' } });
  });

  it('counts requests in /metrics', async () => {
    const app = build();
    await app.inject({ method: 'GET', url: '/health' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.body).toContain(
      'http_requests_total{method="GET",route="/health",status_code="200",app="test"} 1',
    );
  });

  it('answers 400 with every violation for a body breaking the schema', async () => {
    const response = await build().inject({
      method: 'POST',
      url: '/things',
      headers: auth,
      payload: { count: 1.5, x: 1 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('RUNTIME_REQUEST_INVALID');
    expect(body.violations.map((violation: { path: string }) => violation.path).sort()).toEqual([
      '/count',
      '/name',
      '/x',
    ]);
  });

  it('answers 400 for malformed JSON and for __proto__ keys', async () => {
    const app = build();
    const headers = { ...auth, 'content-type': 'application/json' };
    const malformed = await app.inject({ method: 'POST', url: '/things', headers, payload: '{"name":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('RUNTIME_REQUEST_MALFORMED');
    const poisoned = await app.inject({
      method: 'POST',
      url: '/things',
      headers,
      payload: '{"name":"a","count":1,"__proto__":{"admin":true}}',
    });
    expect(poisoned.statusCode).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await build().inject({
      method: 'POST',
      url: '/things',
      headers: auth,
      payload: { name: 'x'.repeat(2_000), count: 1 },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('RUNTIME_BODY_TOO_LARGE');
  });

  it('answers 401 without the API key, and lets the right key through', async () => {
    const app = build();
    const denied = await app.inject({ method: 'POST', url: '/things', payload: { name: 'a', count: 1 } });
    expect(denied.statusCode).toBe(401);
    expect(denied.json().code).toBe('RUNTIME_UNAUTHORIZED');
    const allowed = await app.inject({
      method: 'POST',
      url: '/things',
      headers: auth,
      payload: { name: 'a', count: 1 },
    });
    expect(allowed.statusCode).toBe(200);
  });

  it('answers 401 to a bad body without the key (the key is checked before the body is read)', async () => {
    const app = build();
    const noKey = await app.inject({ method: 'POST', url: '/things', payload: { count: 'many' } });
    expect(noKey.statusCode).toBe(401);
    expect(noKey.json().code).toBe('RUNTIME_UNAUTHORIZED');
    const malformedNoKey = await app.inject({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json', 'x-api-key': 'wrong-key-0123456789' },
      payload: '{"name":',
    });
    expect(malformedNoKey.statusCode).toBe(401);
    const withKey = await app.inject({
      method: 'POST',
      url: '/things',
      headers: auth,
      payload: { count: 'many' },
    });
    expect(withKey.statusCode).toBe(400);
    expect(withKey.json().code).toBe('RUNTIME_REQUEST_INVALID');
  });

  it('accepts the key as Authorization: Bearer', async () => {
    const response = await build().inject({
      method: 'POST',
      url: '/things',
      headers: { authorization: `Bearer ${'k'.repeat(16)}` },
      payload: { name: 'a', count: 1 },
    });
    expect(response.statusCode).toBe(200);
  });

  it('shows background-checked dependencies in /health and as a gauge, never in /ready', async () => {
    let reachable = false;
    const app = buildBaseServer({
      logger,
      metrics: createMetrics('test'),
      healthDetails: [
        {
          name: 'kafka',
          check: async () => {
            if (!reachable) throw new Error('connect ECONNREFUSED');
          },
        },
      ],
      healthIntervalMs: 20,
    });
    servers.push(app);
    await app.ready();
    await expect
      .poll(async () => (await app.inject({ url: '/health' })).json().kafka)
      .toBe('unreachable: connect ECONNREFUSED');
    const health = await app.inject({ url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/metrics' })).body).toContain('kafka_reachable{app="test"} 0');
    reachable = true;
    await expect.poll(async () => (await app.inject({ url: '/health' })).json().kafka).toBe('ok');
    expect((await app.inject({ url: '/metrics' })).body).toContain('kafka_reachable{app="test"} 1');
  });

  it('renders HttpError and hides the details of unexpected errors', async () => {
    const app = build();
    const conflict = await app.inject({ method: 'GET', url: '/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toEqual({
      code: 'TEST_CONFLICT',
      message: 'differs',
      violations: [{ path: '/a', message: 'differs' }],
    });
    const boom = await app.inject({ method: 'GET', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.json().code).toBe('RUNTIME_INTERNAL');
    expect(boom.body).not.toContain('secret internals');
  });

  it('answers 404 in the same error shape', async () => {
    const response = await build().inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('RUNTIME_NOT_FOUND');
  });
});
