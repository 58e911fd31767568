import {
  allowedTransitions,
  classifyTransition,
  ORDER_STATUSES,
  type OrderStatus,
} from '@order-service/contracts';
import { createLogger, createMetrics, type Store, storeReadiness } from '@order-service/runtime';
import { metricValue } from '@order-service/test-support';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathBetween, REACHABLE_STATUSES } from '../../test/support/lifecycle-paths.ts';
import { openMemoryStore, readOutbox, steppingClock } from '../../test/support/memory-store.ts';
import { makeOrder } from '../../test/support/order-fixtures.ts';
import { exclusiveTargets } from '../../test/support/racing-targets.ts';
import { receiveOrder } from '../handlers/receive-order.ts';
import { createStatusWorkerMetrics } from '../status-worker-metrics.ts';
import { buildApp } from './app.ts';

const API_KEY = 'test-api-key-0123456789';
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

let store: Store;
let app: FastifyInstance;
const now = steppingClock();

beforeAll(async () => {
  store = await openMemoryStore();
  const metrics = createMetrics('status-worker');
  app = buildApp({
    logger: createLogger({ name: 'test', level: 'silent' }),
    metrics,
    statusWorkerMetrics: createStatusWorkerMetrics(metrics.registry),
    store,
    statusTopic: 'orders.status.test',
    access: { mode: 'production', apiKey: API_KEY },
    readiness: [storeReadiness(store)],
    now,
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

function postStatus(
  orderId: string,
  body: unknown,
  headers: Record<string, string> = { 'x-api-key': API_KEY },
) {
  return app.inject({
    method: 'POST',
    url: `/orders/${encodeURIComponent(orderId)}/status`,
    payload: body as object,
    headers,
  });
}

async function receivedOrder(): Promise<string> {
  const order = makeOrder();
  const value = Buffer.from(JSON.stringify(order));
  const location = { topic: 'orders.created.test', partition: 0, offset: order.order_id };
  await receiveOrder(
    { store, statusTopic: 'orders.status.test', now },
    { value, location, traceparent: null },
  );
  return order.order_id;
}

async function orderIn(status: OrderStatus): Promise<string> {
  const orderId = await receivedOrder();
  for (const step of pathBetween('PROCESSING', status) ?? []) {
    expect((await postStatus(orderId, { status: step })).statusCode).toBe(202);
  }
  return orderId;
}

describe('POST /orders/:order_id/status, every pair of the contracts lifecycle', () => {
  for (const from of REACHABLE_STATUSES) {
    for (const to of ORDER_STATUSES) {
      const kind = classifyTransition(from, to);
      const expected = kind === 'forbidden' ? 409 : 202;
      it(`${from} -> ${to} answers ${expected} (${kind})`, async () => {
        const orderId = await orderIn(from);
        const before = await readOutbox(store, orderId);
        const response = await postStatus(orderId, { status: to, comment: 'test' });

        expect(response.statusCode).toBe(expected);
        const after = await readOutbox(store, orderId);
        if (kind === 'forbidden') {
          const allowed = allowedTransitions(from);
          expect(response.json()).toMatchObject({
            code: 'STATUS_WORKER_TRANSITION_FORBIDDEN',
            violations: [{ path: '/status', value: to }],
          });
          const message =
            allowed.length === 0 ? 'it is final and cannot change' : `allowed: ${allowed.join(', ')}`;
          expect(response.json().message).toContain(`is ${from}; it cannot move to ${to} (${message})`);
          expect(after).toHaveLength(before.length);
        } else {
          expect(response.json()).toMatchObject({ order_id: orderId, status: to });
          expect(after).toHaveLength(kind === 'transition' ? before.length + 1 : before.length);
        }
      });
    }
  }
});

describe('POST /orders/:order_id/status', () => {
  it('answers a repeat of the current status exactly like the change, and publishes nothing more', async () => {
    const orderId = await orderIn('PROCESSING');
    const first = await postStatus(orderId, { status: 'SHIPPED' });
    const repeat = await postStatus(orderId, { status: 'SHIPPED', comment: 'again' });
    expect(first.statusCode).toBe(202);
    expect(repeat.statusCode).toBe(202);
    expect(repeat.json()).toEqual(first.json());
    expect((await readOutbox(store, orderId)).map((row) => JSON.parse(row.message_value).status)).toEqual([
      'PROCESSING',
      'SHIPPED',
    ]);
  });

  it('carries the request traceparent and the comment into the published event', async () => {
    const orderId = await orderIn('PROCESSING');
    await postStatus(
      orderId,
      { status: 'CANCELLED', comment: 'customer called' },
      {
        'x-api-key': API_KEY,
        traceparent: TRACEPARENT,
      },
    );
    const last = (await readOutbox(store, orderId)).at(-1);
    expect(last?.headers.traceparent).toBe(TRACEPARENT);
    expect(JSON.parse(last?.message_value ?? '{}')).toMatchObject({
      status: 'CANCELLED',
      comment: 'customer called',
    });
  });

  it('answers 404 for an order never received', async () => {
    const response = await postStatus('no-such-order', { status: 'SHIPPED' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'STATUS_WORKER_ORDER_NOT_FOUND' });
  });

  const badBodies: { name: string; body: unknown }[] = [
    { name: 'no status', body: { comment: 'x' } },
    { name: 'a status outside the enum', body: { status: 'LOST' } },
    { name: 'a lower-case status', body: { status: 'shipped' } },
    { name: 'a comment that is not a string', body: { status: 'SHIPPED', comment: 42 } },
    { name: 'an unknown field', body: { status: 'SHIPPED', by: 'me' } },
    { name: 'an array', body: ['SHIPPED'] },
  ];
  for (const { name, body } of badBodies) {
    it(`answers 400 for a body with ${name}, changing nothing`, async () => {
      const orderId = await orderIn('PROCESSING');
      const response = await postStatus(orderId, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toHaveProperty('code');
      expect(await readOutbox(store, orderId)).toHaveLength(1);
    });
  }

  it('answers 401 without the API key, and changes nothing', async () => {
    const orderId = await orderIn('PROCESSING');
    const response = await postStatus(orderId, { status: 'SHIPPED' }, {});
    expect(response.statusCode).toBe(401);
    expect(await readOutbox(store, orderId)).toHaveLength(1);
  });
});

describe('racing POST /orders/:order_id/status on PGlite', () => {
  it('lets exactly one of many concurrent, mutually exclusive changes win', async () => {
    const orderId = await orderIn('PROCESSING');
    const [first, second] = exclusiveTargets('PROCESSING');
    const requests = Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? first : second));
    const answers = await Promise.all(
      requests.map(async (status) => ({ status, code: (await postStatus(orderId, { status })).statusCode })),
    );

    const winners = new Set(answers.filter((answer) => answer.code === 202).map((answer) => answer.status));
    expect(winners.size).toBe(1);
    const [winner] = winners;
    for (const answer of answers) expect(answer.code).toBe(answer.status === winner ? 202 : 409);
    const published = (await readOutbox(store, orderId)).map((row) => JSON.parse(row.message_value).status);
    expect(published).toEqual(['PROCESSING', winner]);
  });
});

describe('GET /orders/:order_id', () => {
  it('shows the current status and the full history with times and comments', async () => {
    const orderId = await orderIn('PROCESSING');
    await postStatus(orderId, { status: 'SHIPPED', comment: 'handed to the carrier' });
    const response = await app.inject({
      method: 'GET',
      url: `/orders/${orderId}`,
      headers: { 'x-api-key': API_KEY },
    });

    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ order_id: orderId, status: 'SHIPPED', order: { order_id: orderId } });
    expect(body.history.map((entry: { status: string }) => entry.status)).toEqual([
      'NEW',
      'PROCESSING',
      'SHIPPED',
    ]);
    expect(body.history[2]).toMatchObject({ comment: 'handed to the carrier', changed_at: body.updated_at });
  });

  it('answers 404 for an order never received', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/orders/unknown',
      headers: { 'x-api-key': API_KEY },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'STATUS_WORKER_ORDER_NOT_FOUND' });
  });
});

describe('the API key (production mode)', () => {
  it('answers 401 for GET /orders/:id without the key: it shows customer data', async () => {
    const orderId = await orderIn('PROCESSING');
    const response = await app.inject({ method: 'GET', url: `/orders/${orderId}` });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'RUNTIME_UNAUTHORIZED' });
    expect(response.body).not.toContain(orderId);
  });

  it('checks the key before the body: a bad body is 401 without it and 400 with it', async () => {
    const orderId = await orderIn('PROCESSING');
    const bad = { status: 'TELEPORTED', extra: 1 };
    expect((await postStatus(orderId, bad, {})).statusCode).toBe(401);
    const malformed = await app.inject({
      method: 'POST',
      url: `/orders/${orderId}/status`,
      headers: { 'content-type': 'application/json' },
      payload: '{"status":',
    });
    expect(malformed.statusCode).toBe(401);
    expect((await postStatus(orderId, bad)).statusCode).toBe(400);
  });
});

describe('operations endpoints', () => {
  it('answers /health, and /ready once the store answers', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok' } });
  });

  it('counts status changes made over HTTP on /metrics', async () => {
    const orderId = await orderIn('PROCESSING');
    const count = async () => {
      const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      return metricValue(text, 'status_worker_status_changes_total', { status: 'SHIPPED', source: 'http' });
    };
    const before = await count();
    await postStatus(orderId, { status: 'SHIPPED' });
    await postStatus(orderId, { status: 'SHIPPED' });
    expect(await count()).toBe(before + 1);
  });
});
