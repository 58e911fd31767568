import {
  checkCarriableStatusChange,
  decodeOrderStatusChanged,
  type Order,
  statusChangedEventId,
} from '@order-service/contracts';
import type { Store } from '@order-service/runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, readOutbox, steppingClock } from '../../test/support/memory-store.ts';
import { makeOrder } from '../../test/support/order-fixtures.ts';
import { StatusWorkerError } from '../errors.ts';
import { listStatusHistory } from '../store/order-queries.ts';
import { type ReceivedRecord, type ReceiveOrderDeps, receiveOrder } from './receive-order.ts';

const STATUS_TOPIC = 'orders.status.test';
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

let store: Store;
let deps: ReceiveOrderDeps;

// One store for the file (opening PGlite takes a second); every test uses its own order ids.
beforeAll(async () => {
  store = await openMemoryStore();
});
afterAll(() => store.close());
beforeEach(() => {
  deps = { store, statusTopic: STATUS_TOPIC, now: steppingClock() };
});

let nextOffset = 0;
function recordOf(value: unknown, overrides: Partial<ReceivedRecord> = {}): ReceivedRecord {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return {
    value: Buffer.from(text),
    location: { topic: 'orders.created.test', partition: 1, offset: String(nextOffset++) },
    traceparent: null,
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<StatusWorkerError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!StatusWorkerError.isInstance(error))
    throw new Error(`expected a StatusWorkerError, got ${String(error)}`);
  return error;
}

describe('receiveOrder', () => {
  it('moves a valid order to PROCESSING and enqueues one OrderStatusChanged for it', async () => {
    const order = makeOrder();
    const result = await receiveOrder(deps, recordOf(order, { traceparent: TRACEPARENT }));

    expect(result).toEqual({ outcome: 'accepted', orderId: order.order_id, status: 'PROCESSING' });
    const history = await listStatusHistory(store, order.order_id);
    expect(history.map((entry) => entry.status)).toEqual(['NEW', 'PROCESSING']);
    expect(history[0]).toMatchObject({ changedAt: order.created_at, eventId: null });

    const [row, ...rest] = await readOutbox(store, order.order_id);
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({ topic: STATUS_TOPIC, message_key: order.order_id });
    const decoded = decodeOrderStatusChanged(row?.message_value);
    expect(decoded.ok && decoded.value).toEqual({
      order_id: order.order_id,
      status: 'PROCESSING',
      updated_at: '2024-02-20T16:00:00.000Z',
      comment: 'Accepted: the order passed every business rule and is being processed',
    });
    expect(row?.headers).toEqual({
      'content-type': 'application/json',
      'x-message-name': 'OrderStatusChanged',
      'x-event-id': statusChangedEventId(order.order_id, 'PROCESSING'),
      traceparent: TRACEPARENT,
    });
  });

  const breaches: { rule: string; order: Order; reason: string }[] = [
    {
      rule: 'no items',
      order: makeOrder({ items: [], total_amount: 0 }),
      reason: '/items must contain at least one item',
    },
    {
      rule: 'a total that does not match the items',
      order: makeOrder({ total_amount: 1 }),
      reason: '/total_amount must equal the sum of quantity x price of the items, 309900, got 1',
    },
    {
      rule: 'a negative price',
      order: makeOrder({ items: [{ product_id: 'p', quantity: 1, price: -100 }], total_amount: -100 }),
      reason: '/items/0/price must be >= 0 kopecks, got -100',
    },
    {
      rule: 'a status other than NEW',
      order: makeOrder({ status: 'SHIPPED' }),
      reason: '/status must be NEW for a new order, got "SHIPPED"',
    },
  ];
  for (const breach of breaches) {
    it(`cancels an order with ${breach.rule}, saying why`, async () => {
      const result = await receiveOrder(deps, recordOf(breach.order));

      expect(result).toMatchObject({ outcome: 'cancelled', status: 'CANCELLED' });
      const history = await listStatusHistory(store, breach.order.order_id);
      expect(history.map((entry) => entry.status)).toEqual(['NEW', 'CANCELLED']);
      expect(history[1]?.comment).toContain(breach.reason);
      const outbox = await readOutbox(store, breach.order.order_id);
      expect(outbox).toHaveLength(1);
      const decoded = decodeOrderStatusChanged(outbox[0]?.message_value);
      expect(decoded.ok && decoded.value.status).toBe('CANCELLED');
      expect(decoded.ok && decoded.value.comment).toContain(breach.reason);
    });
  }

  it('starts no second lifecycle for a repeat of an order with the same content', async () => {
    const order = makeOrder();
    await receiveOrder(deps, recordOf(order));
    const reordered = Object.fromEntries(Object.entries(order).reverse());
    const result = await receiveOrder(deps, recordOf(reordered));

    expect(result).toEqual({ outcome: 'duplicate', orderId: order.order_id, status: 'PROCESSING' });
    expect(await readOutbox(store, order.order_id)).toHaveLength(1);
    expect(await listStatusHistory(store, order.order_id)).toHaveLength(2);
  });

  it('recognises the record that created the order, delivered again, as a redelivery', async () => {
    const order = makeOrder();
    const record = recordOf(order);
    await receiveOrder(deps, record);
    await expect(receiveOrder(deps, record)).resolves.toMatchObject({ outcome: 'redelivered' });
    expect(await readOutbox(store, order.order_id)).toHaveLength(1);
  });

  it('refuses a repeat with different content as a non-retryable conflict naming the fields', async () => {
    const order = makeOrder();
    await receiveOrder(deps, recordOf(order));
    const error = await failureOf(receiveOrder(deps, recordOf({ ...order, customer_id: 'someone-else' })));

    expect(error).toMatchObject({ code: 'STATUS_WORKER_DUPLICATE_ORDER_CONFLICT', retryable: false });
    expect(error.message).toContain('(customer_id)');
    expect(await readOutbox(store, order.order_id)).toHaveLength(1);
    expect(await listStatusHistory(store, order.order_id)).toHaveLength(2);
  });

  const poison: { name: string; value: Buffer | null }[] = [
    { name: 'an empty record', value: null },
    { name: 'a record that is not JSON', value: Buffer.from('{"order_id": ') },
    { name: 'a record that is not UTF-8', value: Buffer.from([0xff, 0xfe, 0x7b]) },
    { name: 'an order missing required fields', value: Buffer.from(JSON.stringify({ order_id: 'x' })) },
    {
      name: 'an order with a fractional quantity',
      value: Buffer.from(
        JSON.stringify(makeOrder({ items: [{ product_id: 'p', quantity: 1.5, price: 1 }] })),
      ),
    },
  ];
  for (const record of poison) {
    it(`rejects ${record.name} as undecodable, not retryable, storing nothing`, async () => {
      const countOrders = async () => (await store.query('SELECT order_id FROM orders')).rows.length;
      const before = await countOrders();
      const error = await failureOf(receiveOrder(deps, recordOf('', { value: record.value })));
      expect(error).toMatchObject({ code: 'STATUS_WORKER_ORDER_UNDECODABLE', retryable: false });
      expect(error.message).toContain('orders.created.test/1@');
      expect(await countOrders()).toBe(before);
    });
  }
});

describe('receiveOrder across the value space the contract allows', () => {
  const countOrders = async () => (await store.query('SELECT order_id FROM orders')).rows.length;
  const idWith = (text: string) => `${makeOrder().order_id}${text}`;

  const unsupported: { name: string; value: Buffer; reason: string }[] = [
    {
      name: 'U+0000 in order_id',
      value: Buffer.from(JSON.stringify(makeOrder({ order_id: idWith('\u0000') }))),
      reason: '/order_id must not contain control characters, got U+0000',
    },
    {
      name: 'an unpaired surrogate in customer_id (JSON escape)',
      value: Buffer.from(JSON.stringify(makeOrder({ customer_id: 'c-\ud800' }))),
      reason: '/customer_id must be well-formed Unicode',
    },
    {
      name: 'a 4 kB order_id',
      value: Buffer.from(JSON.stringify(makeOrder({ order_id: idWith('x'.repeat(4096)) }))),
      reason: '/order_id must be at most 200 characters',
    },
    {
      name: 'a created_at in year 0000',
      value: Buffer.from(JSON.stringify(makeOrder({ created_at: '0000-01-01T00:00:00Z' }))),
      reason: '/created_at must name an instant from 0001-01-01T00:00:00.000Z',
    },
  ];
  for (const record of unsupported) {
    it(`dead-letters an order with ${record.name} as an unsupported value, storing nothing`, async () => {
      const before = await countOrders();
      const error = await failureOf(receiveOrder(deps, recordOf('', { value: record.value })));
      expect(error).toMatchObject({ code: 'STATUS_WORKER_ORDER_UNDECODABLE', retryable: false });
      expect(error.message).toContain(record.reason);
      expect(error.cause).toMatchObject({ code: 'CONTRACT_UNSUPPORTED_VALUE', retryable: false });
      expect(await countOrders()).toBe(before);
    });
  }

  it('refuses the UTF-8 bytes of a surrogate (ED A0 80) instead of turning them into U+FFFD', async () => {
    const text = JSON.stringify(makeOrder({ order_id: 'o-SURROGATE' }));
    const [head, tail] = text.split('SURROGATE');
    const value = Buffer.concat([
      Buffer.from(head ?? ''),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(tail ?? ''),
    ]);
    const error = await failureOf(receiveOrder(deps, recordOf('', { value })));
    expect(error).toMatchObject({ code: 'STATUS_WORKER_ORDER_UNDECODABLE', retryable: false });
    expect(error.cause).toMatchObject({ code: 'CONTRACT_INVALID_JSON' });
  });

  it('cancels an order whose amounts are integers past 2^53, saying why', async () => {
    const order = makeOrder({
      items: [{ product_id: 'p', quantity: 1, price: 1e20 }],
      total_amount: 1e20,
    });
    const result = await receiveOrder(deps, recordOf(order));
    expect(result).toMatchObject({ outcome: 'cancelled', status: 'CANCELLED' });
    const history = await listStatusHistory(store, order.order_id);
    expect(history[1]?.comment).toContain('/total_amount must be a safe integer');
  });

  for (const createdAt of [
    '2024-02-20T00:00:00+23:59',
    '2024-02-20T23:59:00-23:59',
    '2016-12-31T23:59:60Z',
    '2024-02-20t15:30:00.123456789012345z',
  ]) {
    it(`accepts an order created at ${createdAt}, keeping the time as it was sent`, async () => {
      const order = makeOrder({ created_at: createdAt });
      await expect(receiveOrder(deps, recordOf(order))).resolves.toMatchObject({ outcome: 'accepted' });
      const history = await listStatusHistory(store, order.order_id);
      expect(history[0]?.changedAt).toBe(createdAt);
    });
  }

  it('cancels an order of 1,000 broken items with a comment orders.status can carry', async () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({
      product_id: `p-${index}`,
      quantity: 1,
      price: -1,
    }));
    const order = makeOrder({ items, total_amount: -1000 });
    await expect(receiveOrder(deps, recordOf(order))).resolves.toMatchObject({ outcome: 'cancelled' });
    const [row] = await readOutbox(store, order.order_id);
    const decoded = decodeOrderStatusChanged(row?.message_value);
    expect(decoded.ok && checkCarriableStatusChange(decoded.value)).toEqual([]);
  });
});
