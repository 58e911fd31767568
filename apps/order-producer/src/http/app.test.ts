import { Writable } from 'node:stream';
import { decodeOrder } from '@order-service/contracts';
import {
  type BaseServer,
  createLogger,
  createMetrics,
  migrate,
  openStore,
  type Store,
} from '@order-service/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ordersMigrations } from '../store/migrations.ts';
import { buildApp } from './app.ts';

const logger = createLogger({
  name: 'test',
  level: 'silent',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});
const opened: { app: BaseServer; store: Store }[] = [];

// Each test starts an embedded PGlite (a few seconds on a busy 2-core machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

async function build(
  options: { apiKey?: string; maxRecordBytes?: number; bodyLimit?: number } = {},
): Promise<{ app: BaseServer; store: Store }> {
  const store = await openStore({ logger });
  await migrate(store, ordersMigrations);
  let sequence = 0;
  const app = await buildApp({
    store,
    logger,
    metrics: createMetrics('order-producer'),
    readiness: [],
    topic: 'orders.created',
    access:
      options.apiKey === undefined
        ? { mode: 'development', apiKey: undefined }
        : { mode: 'production', apiKey: options.apiKey },
    bodyLimit: options.bodyLimit ?? 4_096,
    ...(options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes }),
    now: () => new Date('2026-03-01T10:00:00.000Z'),
    generateOrderId: () => `generated-${++sequence}`,
  });
  opened.push({ app, store });
  return { app, store };
}

afterEach(async () => {
  for (const { app, store } of opened.splice(0)) {
    await app.close();
    await store.close();
  }
});

const body = {
  order_id: 'o-1',
  customer_id: 'user789',
  items: [{ product_id: 'prod123', quantity: 2, price: 150_000 }],
};

async function outboxCount(store: Store): Promise<number> {
  return Number((await store.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]?.n);
}

describe('POST /orders', () => {
  it('answers 201 with the completed order, stores it and queues one outbox record', async () => {
    const { app, store } = await build();
    const response = await app.inject({ method: 'POST', url: '/orders', payload: body });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe('/orders/o-1');
    expect(response.json()).toEqual({
      ...body,
      total_amount: 300_000,
      created_at: '2026-03-01T10:00:00.000Z',
      status: 'NEW',
    });
    expect(decodeOrder(response.body).ok).toBe(true);
    const outbox = await store.query<{
      message_key: string;
      message_value: string;
      headers: Record<string, string>;
    }>('SELECT message_key, message_value, headers FROM outbox');
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]?.message_key).toBe('o-1');
    expect(JSON.parse(outbox.rows[0]?.message_value ?? '{}')).toEqual(response.json());
    expect(outbox.rows[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-message-name': 'OrderCreated',
      'x-event-id': expect.any(String),
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    });
  });

  it('generates a time-sortable id when the client gives none', async () => {
    const { app } = await build();
    const { order_id: _omitted, ...withoutId } = body;
    const response = await app.inject({ method: 'POST', url: '/orders', payload: withoutId });
    expect(response.statusCode).toBe(201);
    expect(response.json().order_id).toBe('generated-1');
  });

  it('answers 200 with the original order for the same content, and queues nothing more', async () => {
    const { app, store } = await build();
    const first = await app.inject({ method: 'POST', url: '/orders', payload: body });
    const again = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: { ...body, total_amount: 300_000 },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await outboxCount(store)).toBe(1);
  });

  it('answers 409 naming the differing fields for the same id with other content', async () => {
    const { app, store } = await build();
    await app.inject({ method: 'POST', url: '/orders', payload: body });
    const response = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: {
        ...body,
        customer_id: 'someone-else',
        items: [{ product_id: 'prod123', quantity: 3, price: 150_000 }],
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ORDER_PRODUCER_ORDER_CONFLICT');
    expect(response.json().violations.map((violation: { path: string }) => violation.path)).toEqual([
      '/customer_id',
      '/items',
    ]);
    expect(await outboxCount(store)).toBe(1);
  });

  it('answers 400 with every violation of schema and unknown fields', async () => {
    const { app, store } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: {
        customer_id: 5,
        items: [{ product_id: 'p', quantity: 0, price: 1.5, color: 'red' }],
        status: 'NEW',
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .violations.map((violation: { path: string }) => violation.path)
      .sort();
    expect(paths).toEqual([
      '/customer_id',
      '/items/0/color',
      '/items/0/price',
      '/items/0/quantity',
      '/status',
    ]);
    expect(response.json().code).toBe('ORDER_PRODUCER_INVALID_ORDER');
    expect(await outboxCount(store)).toBe(0);
  });

  it('answers 400 for business-rule violations: wrong total and negative price', async () => {
    const { app } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: { ...body, items: [{ product_id: 'p', quantity: 1, price: -10 }], total_amount: 5 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().violations.map((violation: { path: string }) => violation.path)).toEqual([
      '/items/0/price',
      '/total_amount',
    ]);
  });

  it.each([
    ['order_id', { ...body, order_id: 'o\u0000-1' }, '/order_id'],
    ['customer_id', { ...body, customer_id: 'user\u0000' }, '/customer_id'],
    [
      'product_id',
      { ...body, items: [{ product_id: '\u0000', quantity: 1, price: 1 }] },
      '/items/0/product_id',
    ],
    ['a C1 control character', { ...body, customer_id: 'user\u0085' }, '/customer_id'],
    ['an unpaired surrogate', { ...body, order_id: 'o-\ud800' }, '/order_id'],
  ])(
    'answers 400 naming the field, never 5xx, for %s the pipeline cannot carry',
    async (_what, payload, path) => {
      const { app, store } = await build();
      const response = await app.inject({ method: 'POST', url: '/orders', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('ORDER_PRODUCER_INVALID_ORDER');
      expect(response.json().violations.map((violation: { path: string }) => violation.path)).toEqual([path]);
      expect(await outboxCount(store)).toBe(0);
    },
  );

  it('answers 400 for an id longer than 200 characters', async () => {
    const { app, store } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: { ...body, order_id: 'x'.repeat(201) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().violations.map((violation: { path: string }) => violation.path)).toEqual([
      '/order_id',
    ]);
    expect(await outboxCount(store)).toBe(0);
  });

  it('answers 413 and stores nothing when the order record would exceed KAFKA_MAX_MESSAGE_BYTES', async () => {
    const { app, store } = await build({ maxRecordBytes: 20_000, bodyLimit: 200_000 });
    const items = Array.from({ length: 400 }, (_value, index) => ({
      product_id: `product-${index}-${'p'.repeat(40)}`,
      quantity: 1,
      price: 100,
    }));
    const tooLarge = await app.inject({ method: 'POST', url: '/orders', payload: { ...body, items } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({
      code: 'ORDER_PRODUCER_ORDER_TOO_LARGE',
      violations: [{ path: '/items' }],
    });
    expect(tooLarge.json().message).toContain('KAFKA_MAX_MESSAGE_BYTES');
    expect(await outboxCount(store)).toBe(0);
    const fits = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: { ...body, items: items.slice(0, 20) },
    });
    expect(fits.statusCode).toBe(201);
    expect(await outboxCount(store)).toBe(1);
  });

  it('answers 413 for a body over the limit', async () => {
    const { app } = await build();
    const response = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: { ...body, customer_id: 'x'.repeat(10_000) },
    });
    expect(response.statusCode).toBe(413);
  });

  it('requires the API key when one is configured', async () => {
    const { app } = await build({ apiKey: 'a-very-secret-key-123' });
    expect((await app.inject({ method: 'POST', url: '/orders', payload: body })).statusCode).toBe(401);
    const allowed = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: body,
      headers: { 'x-api-key': 'a-very-secret-key-123' },
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('checks the key before the body: a bad body is 401 without the key and 400 with it', async () => {
    const { app, store } = await build({ apiKey: 'a-very-secret-key-123' });
    const bad = { ...body, items: [], extra: true };
    const denied = await app.inject({ method: 'POST', url: '/orders', payload: bad });
    expect(denied.statusCode).toBe(401);
    expect(denied.json().code).toBe('RUNTIME_UNAUTHORIZED');
    const malformed = await app.inject({
      method: 'POST',
      url: '/orders',
      headers: { 'content-type': 'application/json' },
      payload: '{"order_id":',
    });
    expect(malformed.statusCode).toBe(401);
    const invalid = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: bad,
      headers: { 'x-api-key': 'a-very-secret-key-123' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(await outboxCount(store)).toBe(0);
  });

  it('keeps GET /orders/:id behind the key in production', async () => {
    const { app } = await build({ apiKey: 'a-very-secret-key-123' });
    const headers = { 'x-api-key': 'a-very-secret-key-123' };
    await app.inject({ method: 'POST', url: '/orders', payload: body, headers });
    expect((await app.inject({ method: 'GET', url: '/orders/o-1' })).statusCode).toBe(401);
    const allowed = await app.inject({ method: 'GET', url: '/orders/o-1', headers });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().order.order_id).toBe('o-1');
  });

  it('counts accepted, duplicate and rejected orders', async () => {
    const { app } = await build();
    await app.inject({ method: 'POST', url: '/orders', payload: body });
    await app.inject({ method: 'POST', url: '/orders', payload: body });
    await app.inject({ method: 'POST', url: '/orders', payload: { nope: true } });
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('orders_accepted_total{app="order-producer"} 1');
    expect(metrics).toContain('orders_duplicate_total{app="order-producer"} 1');
    expect(metrics).toContain('orders_rejected_total{code="400",app="order-producer"} 1');
  });
});

describe('GET /orders/:order_id', () => {
  it('answers the stored order and that it is not yet published', async () => {
    const { app } = await build();
    const created = await app.inject({ method: 'POST', url: '/orders', payload: body });
    const response = await app.inject({ method: 'GET', url: '/orders/o-1' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ order: created.json(), published: false, published_at: null });
  });

  it('answers 404 for an unknown id', async () => {
    const { app } = await build();
    const response = await app.inject({ method: 'GET', url: '/orders/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('ORDER_PRODUCER_ORDER_NOT_FOUND');
  });
});

describe('OpenAPI', () => {
  it('serves the document with both order routes and the docs page', async () => {
    const { app } = await build();
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/orders', '/orders/{order_id}']));
    expect(
      document.paths['/orders'].post.requestBody.content['application/json'].schema.additionalProperties,
    ).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });
});
