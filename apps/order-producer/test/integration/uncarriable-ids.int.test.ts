import { cleanUpAfterEach, testLogger } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { startOrderProducer } from '../../src/service.ts';
import { engines, freshDatabase, orderBody, testConfig } from './test-support.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

// Before the carriable check these reached the store: PostgreSQL and PGlite refuse U+0000 in text
// ("invalid byte sequence for encoding UTF8: 0x00") and the answer was 500 RUNTIME_INTERNAL.
const uncarriable: [string, (body: ReturnType<typeof orderBody>) => Record<string, unknown>, string][] = [
  ['U+0000 in order_id', (body) => ({ ...body, order_id: `${body.order_id}\u0000` }), '/order_id'],
  ['U+0000 in customer_id', (body) => ({ ...body, customer_id: 'user\u0000789' }), '/customer_id'],
  [
    'U+0000 in a product_id',
    (body) => ({ ...body, items: [{ product_id: '\u0000', quantity: 1, price: 1 }] }),
    '/items/0/product_id',
  ],
  [
    'a C1 control character in customer_id',
    (body) => ({ ...body, customer_id: 'user\u009b' }),
    '/customer_id',
  ],
  [
    'an unpaired surrogate in order_id',
    (body) => ({ ...body, order_id: `${body.order_id}\ud800` }),
    '/order_id',
  ],
];

describe.each(engines)('POST /orders on %s with what the pipeline cannot carry', (engine) => {
  it('answers 400 naming each field, stores nothing, and still accepts the valid order after it', async () => {
    const database = freshDatabase(engine);
    cleanups.push(database.drop);
    // The relay is held back: this test is about the front door and the store only.
    const producer = await startOrderProducer(
      testConfig({ ...database.env, OUTBOX_RELAY_START_DELAY_MS: '600000' }),
      logger,
    );
    cleanups.push(() => producer.stop());
    for (const [name, make, path] of uncarriable) {
      const response = await producer.app.inject({
        method: 'POST',
        url: '/orders',
        payload: make(orderBody()),
      });
      expect(response.statusCode, name).toBe(400);
      expect(response.json().code, name).toBe('ORDER_PRODUCER_INVALID_ORDER');
      expect(
        response.json().violations.map((violation: { path: string }) => violation.path),
        name,
      ).toEqual([path]);
    }
    const count = await producer.store.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
    expect(Number(count.rows[0]?.n)).toBe(0);
    const valid = await producer.app.inject({ method: 'POST', url: '/orders', payload: orderBody() });
    expect(valid.statusCode).toBe(201);
  });
});
