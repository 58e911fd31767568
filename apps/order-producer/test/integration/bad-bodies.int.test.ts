import {
  createTestTopics,
  readTopicToEnd,
  testKafka,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OrderProducer, startOrderProducer } from '../../src/service.ts';
import { freshDatabase, orderBody, testConfig } from './test-support.ts';

const logger = testLogger();
const kafka = testKafka();
let producer: OrderProducer;
let topic: string;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const created = await createTestTopics(kafka, ['orders.created']);
  topic = created.names[0] as string;
  cleanups.push(created.remove);
  const database = freshDatabase('pglite');
  cleanups.push(database.drop);
  producer = await startOrderProducer(
    testConfig({ ...database.env, TOPIC_ORDERS_CREATED: topic, BODY_LIMIT_BYTES: '65536' }),
    logger,
  );
  cleanups.push(() => producer.stop());
});

afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const valid = orderBody('valid-template');
const item = valid.items[0];

function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Bodies that must all be refused with a 4xx; raw strings are sent as they are. */
const handMade: [string, unknown][] = [
  ['empty object', {}],
  ['array body', [valid]],
  ['string body', '"an order"'],
  ['null body', 'null'],
  ['customer_id a number', { ...valid, customer_id: 42 }],
  ['items an object', { ...valid, items: { 0: item } }],
  ['no items', { ...valid, items: [] }],
  ['quantity a string', { ...valid, items: [{ ...item, quantity: '2' }] }],
  ['quantity zero', { ...valid, items: [{ ...item, quantity: 0 }] }],
  ['negative price', { ...valid, items: [{ ...item, price: -1 }] }],
  ['fractional price', { ...valid, items: [{ ...item, price: 10.5 }] }],
  ['fractional total', { ...valid, total_amount: 300_000.5 }],
  ['negative total', { ...valid, total_amount: -300_000 }],
  ['total not matching', { ...valid, total_amount: 1 }],
  ['total past MAX_SAFE_INTEGER', { ...valid, total_amount: 2 ** 60 }],
  ['items summing past MAX_SAFE_INTEGER', { ...valid, items: [{ ...item, quantity: 4, price: 2 ** 51 }] }],
  ['price past MAX_SAFE_INTEGER', { ...valid, items: [{ ...item, price: 1e300 }] }],
  ['impossible created_at', { ...valid, created_at: '2024-02-30T25:61:00Z' }],
  ['status set by the client', { ...valid, status: 'SHIPPED' }],
  ['unknown field', { ...valid, discount: 5 }],
  ['unknown item field', { ...valid, items: [{ ...item, color: 'red' }] }],
  [
    '__proto__ key',
    `{"customer_id":"c","items":[{"product_id":"p","quantity":1,"price":1}],"__proto__":{"admin":true}}`,
  ],
  ['constructor.prototype key', `{"customer_id":"c","items":[],"constructor":{"prototype":{"admin":true}}}`],
  ['deep nesting', deeplyNested(5_000)],
  ['huge body', { ...valid, customer_id: 'x'.repeat(200_000) }],
  ['empty order_id', { ...valid, order_id: '' }],
  ['malformed JSON', '{"customer_id": "c", "items": [}'],
  ['U+0000 in order_id', { ...valid, order_id: 'o\u0000' }],
  ['U+0000 in customer_id', { ...valid, customer_id: '\u0000' }],
  ['U+0000 in product_id', { ...valid, items: [{ ...item, product_id: 'p\u0000' }] }],
  ['a control character in customer_id', { ...valid, customer_id: 'c\u001b[31m' }],
  [
    'an unpaired surrogate in order_id',
    `{"order_id":"o-\\udc00","customer_id":"c","items":[{"product_id":"p","quantity":1,"price":1}]}`,
  ],
];

async function post(payload: unknown) {
  return producer.app.inject({
    method: 'POST',
    url: '/orders',
    headers: { 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

async function storedCounts(): Promise<{ orders: number; outbox: number }> {
  const orders = await producer.store.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  const outbox = await producer.store.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
  return { orders: Number(orders.rows[0]?.n), outbox: Number(outbox.rows[0]?.n) };
}

describe('order-producer refuses bad bodies', () => {
  it.each(handMade)('answers 4xx to %s', async (_name, payload) => {
    const response = await post(payload);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('answers 4xx to arbitrary JSON values and arbitrary near-orders (property-based)', async () => {
    const nearOrder = fc.record(
      {
        order_id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        customer_id: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
        items: fc.oneof(
          fc.array(
            fc.record(
              {
                product_id: fc.oneof(fc.string(), fc.integer()),
                quantity: fc.oneof(fc.integer({ max: 0 }), fc.double(), fc.string()),
                price: fc.oneof(
                  fc.integer({ max: -1 }),
                  fc.double({ noInteger: true }),
                  fc.constant(2 ** 60),
                ),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
          fc.anything(),
        ),
        total_amount: fc.oneof(fc.double(), fc.integer(), fc.string()),
        created_at: fc.string(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearOrder), async (payload) => {
        const response = await post(payload);
        return response.statusCode >= 400 && response.statusCode < 500;
      }),
      { numRuns: 200 },
    );
  });

  it('stored and published nothing, and is still healthy and accepting valid orders', async () => {
    expect(await storedCounts()).toEqual({ orders: 0, outbox: 0 });
    expect((await producer.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const accepted = await post(orderBody());
    expect(accepted.statusCode).toBe(201);
    await waitFor(async () => (await producer.outboxLag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'the valid order published',
    });
    expect((await readTopicToEnd(kafka, topic)).map((record) => record.key)).toEqual([
      accepted.json().order_id,
    ]);
    expect(await storedCounts()).toEqual({ orders: 1, outbox: 1 });
  });
});
