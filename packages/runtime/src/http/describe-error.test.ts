import { Writable } from 'node:stream';
import { KafkaJSConnectionError } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { defineErrorCatalog, RuntimeError, ServiceError } from '../errors.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import { toStoreError } from '../store/store-error.ts';
import { type BaseServer, buildBaseServer } from './build-base-server.ts';
import { HttpError } from './http-error.ts';

const logLines: string[] = [];
const logger = createLogger({
  name: 'test',
  level: 'debug',
  destination: new Writable({
    write: (chunk, _encoding, done) => {
      logLines.push(String(chunk));
      done();
    },
  }),
});
const servers: BaseServer[] = [];
const catalog = defineErrorCatalog('APP', {
  APP_ITEM_MISSING: { retryable: false, httpStatus: 404, description: 'No such item.' },
  APP_STORE_FAILED: { retryable: true, httpStatus: 503, description: 'The store failed.' },
  APP_BROKEN: { retryable: false, httpStatus: 500, description: 'Broken.' },
});
const driverText = 'invalid byte sequence for encoding "UTF8": 0x00 at 10.0.0.7:5432 password=hunter2';

function serverThrowing(error: unknown): BaseServer {
  const app = buildBaseServer({ logger, metrics: createMetrics('test') });
  app.get('/fail', async () => {
    throw error;
  });
  servers.push(app);
  return app;
}

async function answer(error: unknown) {
  const response = await serverThrowing(error).inject({ method: 'GET', url: '/fail' });
  return {
    status: response.statusCode,
    body: response.json(),
    raw: response.body,
    headers: response.headers,
  };
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  logLines.length = 0;
});

describe('the base server’s error answers', () => {
  it('answers a ServiceError with an HTTP status below 500 with its code, message and violations', async () => {
    const error = new ServiceError(catalog.APP_ITEM_MISSING, 'item 7 is missing', {
      violations: [{ path: '/item', message: 'no such item', value: 7 }],
    });
    expect(await answer(error)).toMatchObject({
      status: 404,
      body: {
        code: 'APP_ITEM_MISSING',
        message: 'item 7 is missing',
        violations: [{ path: '/item', message: 'no such item', value: 7 }],
      },
    });
  });

  it('answers a 5xx typed error with its code and a generic message, the driver text in the log only', async () => {
    const cause = toStoreError({ code: '57P01', severity: 'FATAL', message: driverText });
    const unavailable = await answer(
      new ServiceError(catalog.APP_STORE_FAILED, `store failed: ${driverText}`, { cause }),
    );
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual({
      code: 'APP_STORE_FAILED',
      message: 'A dependency is unavailable right now; retry shortly.',
    });
    expect(unavailable.headers['retry-after']).toBe('1');
    expect(unavailable.raw).not.toContain('0x00');
    expect(logLines.join('')).toContain('0x00');

    const broken = await answer(new HttpError(500, 'APP_BROKEN', `broken: ${driverText}`));
    expect(broken.status).toBe(500);
    expect(broken.body.code).toBe('APP_BROKEN');
    expect(broken.raw).not.toContain('hunter2');
  });

  it('answers transient store and Kafka failures 503 RUNTIME_UNAVAILABLE without their text', async () => {
    for (const error of [
      toStoreError({ code: '25006', severity: 'ERROR', message: driverText }),
      toStoreError(Object.assign(new Error(`connect ECONNREFUSED ${driverText}`), { code: 'ECONNREFUSED' })),
      new RuntimeError('RUNTIME_KAFKA_UNAVAILABLE', `broker down: ${driverText}`),
      new KafkaJSConnectionError(`Connection error: ${driverText}`),
    ]) {
      const result = await answer(error);
      expect(result.status).toBe(503);
      expect(result.body.code).toBe('RUNTIME_UNAVAILABLE');
      expect(result.raw).not.toContain('hunter2');
    }
  });

  it('answers a value the store cannot hold (SQLSTATE 22, 54) 422 RUNTIME_REQUEST_UNSTORABLE', async () => {
    for (const sqlState of ['22021', '54000']) {
      const result = await answer(toStoreError({ code: sqlState, severity: 'ERROR', message: driverText }));
      expect(result.status).toBe(422);
      expect(result.body.code).toBe('RUNTIME_REQUEST_UNSTORABLE');
      expect(result.raw).not.toContain('hunter2');
    }
  });

  it('answers other store failures and unclassified errors 500 RUNTIME_INTERNAL without their text', async () => {
    for (const error of [
      toStoreError({ code: '21000', severity: 'ERROR', message: driverText }),
      toStoreError({ code: 'XX000', severity: 'ERROR', message: driverText }),
      new TypeError(driverText),
    ]) {
      const result = await answer(error);
      expect(result.status).toBe(500);
      expect(result.body.code).toBe('RUNTIME_INTERNAL');
      expect(result.raw).not.toContain('hunter2');
    }
  });
});
