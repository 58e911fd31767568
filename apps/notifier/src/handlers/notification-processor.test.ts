import { decodeNotification, notificationId, statusChangedEventId } from '@order-service/contracts';
import { enqueueOutbox, type Store } from '@order-service/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../test/support/memory-store.ts';
import { makeChange, makeOrder } from '../../test/support/order-fixtures.ts';
import type { LiveEvent } from '../live/live-messages.ts';
import { findOrder } from '../store/order-repository.ts';
import { createNotificationProcessor, type NotificationProcessor } from './notification-processor.ts';

const TOPIC = 'orders.notifications.test';
let store: Store;
let processor: NotificationProcessor;
const liveEvents: LiveEvent[] = [];

beforeAll(async () => {
  store = await openMemoryStore();
  processor = createNotificationProcessor({
    store,
    enqueueOutbox,
    notificationsTopic: TOPIC,
    locale: 'ru',
    channels: ['log', 'webhook'],
    onLiveEvent: (event) => liveEvents.push(event),
  });
  // Opening PGlite takes seconds on a busy machine: give the hook room.
}, 60_000);
afterAll(() => store.close());

async function outboxOf(orderId: string) {
  const result = await store.query<{
    event_id: string;
    topic: string;
    message_value: string;
    headers: unknown;
  }>('SELECT event_id, topic, message_value, headers FROM outbox WHERE message_key = $1 ORDER BY id', [
    orderId,
  ]);
  return result.rows;
}

async function deliveriesOf(orderId: string) {
  const result = await store.query<{ channel: string; state: string }>(
    `SELECT d.channel, d.state FROM deliveries d JOIN notifications n USING (notification_id)
     WHERE n.order_id = $1 ORDER BY d.channel`,
    [orderId],
  );
  return result.rows;
}

const statusEvent = (change: ReturnType<typeof makeChange>, statusEventId?: string) => ({
  change,
  statusEventId: statusEventId ?? statusChangedEventId(change.order_id, change.status),
  traceparent: undefined,
});

describe('notification processor', () => {
  it('turns a status change of a known order into one outboxed notification with one delivery per channel', async () => {
    const order = makeOrder();
    await processor.receiveOrder(order, JSON.stringify(order));
    const change = makeChange(order, 'PROCESSING');
    const outcome = await processor.receiveStatusChange(statusEvent(change, 'evt-a'));

    expect(outcome.kind).toBe('notified');
    const rows = await outboxOf(order.order_id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.topic).toBe(TOPIC);
    expect(rows[0]?.event_id).toBe(notificationId('evt-a'));
    const decoded = decodeNotification(rows[0]?.message_value);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value).toMatchObject({ order_id: order.order_id, status: 'PROCESSING', locale: 'ru-RU' });
    expect(decoded.value.text.replace(/[\u00a0\u202f]/g, ' ')).toContain('3 000,00 ₽');
    expect(rows[0]?.headers).toMatchObject({
      'x-message-name': 'Notification',
      'x-event-id': notificationId('evt-a'),
    });
    expect(await deliveriesOf(order.order_id)).toEqual([
      { channel: 'log', state: 'pending' },
      { channel: 'webhook', state: 'pending' },
    ]);
  });

  it('recognises a redelivered status change and writes nothing more', async () => {
    const order = makeOrder();
    await processor.receiveOrder(order, JSON.stringify(order));
    const change = makeChange(order, 'SHIPPED');
    await processor.receiveStatusChange(statusEvent(change));
    const again = await processor.receiveStatusChange(statusEvent({ ...change }));
    expect(again.kind).toBe('duplicate');
    expect(await outboxOf(order.order_id)).toHaveLength(1);
    expect(await deliveriesOf(order.order_id)).toHaveLength(2);
  });

  it('keeps a status change that arrives before its order and completes it when the order arrives', async () => {
    const order = makeOrder();
    const shipped = makeChange(order, 'SHIPPED', 2);
    const accepted = makeChange(order, 'PROCESSING', 1);
    expect((await processor.receiveStatusChange(statusEvent(shipped))).kind).toBe('pending');
    expect((await processor.receiveStatusChange(statusEvent(accepted))).kind).toBe('pending');
    // The pending change redelivered before the order: still one pending row.
    expect((await processor.receiveStatusChange(statusEvent(shipped))).kind).toBe('pending');
    expect(await outboxOf(order.order_id)).toEqual([]);

    const outcome = await processor.receiveOrder(order, JSON.stringify(order));
    expect(outcome.kind).toBe('order-stored');
    const statuses = (await outboxOf(order.order_id)).map((row) => JSON.parse(row.message_value).status);
    expect(statuses).toEqual(['PROCESSING', 'SHIPPED']);
    expect((await findOrder(store, order.order_id))?.status).toBe('SHIPPED');
    const pending = await store.query('SELECT 1 FROM pending_status_events WHERE order_id = $1', [
      order.order_id,
    ]);
    expect(pending.rows).toEqual([]);

    // Redelivering the changes after completion creates nothing.
    expect((await processor.receiveStatusChange(statusEvent(shipped))).kind).toBe('duplicate');
    expect(await outboxOf(order.order_id)).toHaveLength(2);
  });

  it('ignores a redelivered order', async () => {
    const order = makeOrder();
    await processor.receiveOrder(order, JSON.stringify(order));
    expect((await processor.receiveOrder(order, JSON.stringify(order))).kind).toBe('duplicate');
  });

  it('never moves the shown status back when an older change is processed after a newer one', async () => {
    const order = makeOrder();
    await processor.receiveOrder(order, JSON.stringify(order));
    await processor.receiveStatusChange(statusEvent(makeChange(order, 'SHIPPED', 5)));
    await processor.receiveStatusChange(statusEvent(makeChange(order, 'PROCESSING', 1)));
    expect((await findOrder(store, order.order_id))?.status).toBe('SHIPPED');
  });

  it('tells the live page about the order and each notification after commit', async () => {
    const order = makeOrder();
    liveEvents.length = 0;
    await processor.receiveOrder(order, JSON.stringify(order));
    await processor.receiveStatusChange(statusEvent(makeChange(order, 'DELIVERED', 3)));
    expect(liveEvents.map((event) => event.type)).toEqual(['order', 'notification']);
    const last = liveEvents[1];
    expect(last?.type === 'notification' && last.order.status).toBe('DELIVERED');
  });

  it('carries the status record traceparent to the notification record', async () => {
    const order = makeOrder();
    await processor.receiveOrder(order, JSON.stringify(order));
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await processor.receiveStatusChange({ ...statusEvent(makeChange(order, 'CANCELLED')), traceparent });
    expect((await outboxOf(order.order_id))[0]?.headers).toMatchObject({ traceparent });
  });

  describe('across the value space the contract allows', () => {
    async function failureOf(promise: Promise<unknown>) {
      return promise.then(
        () => {
          throw new Error('expected the processor to refuse the event');
        },
        (error: unknown) => error as { code?: string; retryable?: boolean; cause?: { code?: string } },
      );
    }
    const countOrders = async () =>
      Number((await store.query<{ n: number }>('SELECT count(*)::int AS n FROM orders_seen')).rows[0]?.n);

    for (const [name, overrides] of [
      ['U+0000 in order_id', { order_id: `o-${crypto.randomUUID()}\u0000` }],
      ['an unpaired surrogate in customer_id', { customer_id: 'c-\ud800' }],
      ['a 4 kB order_id', { order_id: 'x'.repeat(4096) }],
      ['a created_at in year 0000', { created_at: '0000-01-01T00:00:00Z' }],
    ] as const) {
      it(`refuses an order with ${name} as undecodable (dead-lettered), storing nothing`, async () => {
        const before = await countOrders();
        const order = makeOrder(overrides);
        const error = await failureOf(processor.receiveOrder(order, JSON.stringify(order)));
        expect(error).toMatchObject({ code: 'NOTIFIER_RECORD_UNDECODABLE', retryable: false });
        expect(error.cause).toMatchObject({ code: 'CONTRACT_UNSUPPORTED_VALUE' });
        await expect(
          failureOf(processor.receiveBatch([{ kind: 'order', order, payload: JSON.stringify(order) }])),
        ).resolves.toMatchObject({ code: 'NOTIFIER_RECORD_UNDECODABLE' });
        expect(await countOrders()).toBe(before);
      });
    }

    it('refuses a status change with U+0000 in its comment', async () => {
      const order = makeOrder();
      const change = { ...makeChange(order, 'SHIPPED'), comment: 'a\u0000b' };
      await expect(failureOf(processor.receiveStatusChange(statusEvent(change)))).resolves.toMatchObject({
        code: 'NOTIFIER_RECORD_UNDECODABLE',
        retryable: false,
      });
    });

    it('notifies the customer of a cancelled order whose total is past 2^53, without throwing', async () => {
      const order = makeOrder({ items: [{ product_id: 'p', quantity: 1, price: 1e16 }], total_amount: 1e16 });
      await processor.receiveOrder(order, JSON.stringify(order));
      const outcome = await processor.receiveStatusChange(statusEvent(makeChange(order, 'CANCELLED')));
      expect(outcome.kind).toBe('notified');
      const [row] = await outboxOf(order.order_id);
      const decoded = decodeNotification(row?.message_value);
      expect(decoded.ok && decoded.value.text).toBe(`Ваш заказ ${order.order_id} отменён.`);
    });

    for (const [createdAt, updatedAt] of [
      ['2024-02-20T00:00:00+23:59', '2024-02-20T23:59:00-23:59'],
      ['2016-12-31T23:59:60Z', '2017-01-01t02:59:60.123456789+03:00'],
      ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z'],
    ] as const) {
      it(`stores and compares an order of ${createdAt} changed at ${updatedAt}`, async () => {
        const order = makeOrder({ created_at: createdAt });
        await processor.receiveOrder(order, JSON.stringify(order));
        const change = { ...makeChange(order, 'SHIPPED'), updated_at: updatedAt };
        await expect(processor.receiveStatusChange(statusEvent(change))).resolves.toMatchObject({
          kind: 'notified',
        });
        expect((await findOrder(store, order.order_id))?.status).toBe('SHIPPED');
        const [row] = await outboxOf(order.order_id);
        const decoded = decodeNotification(row?.message_value);
        expect(decoded.ok && decoded.value.created_at).toBe(updatedAt);
        expect(decoded.ok && decoded.value.comment).toBe('moved to SHIPPED');
        expect(decoded.ok && decoded.value.text).not.toContain('moved to');
      });
    }

    it('completes pending changes in instant order, leap seconds and offsets included', async () => {
      const order = makeOrder();
      const late = { ...makeChange(order, 'SHIPPED'), updated_at: '2016-12-31T23:59:60Z' };
      const early = { ...makeChange(order, 'PROCESSING'), updated_at: '2017-01-01T02:59:00+03:00' };
      await processor.receiveStatusChange(statusEvent(late));
      await processor.receiveStatusChange(statusEvent(early));
      const outcome = await processor.receiveOrder(order, JSON.stringify(order));
      expect(outcome.kind === 'order-stored' && outcome.notifications.map((n) => n.status)).toEqual([
        'PROCESSING',
        'SHIPPED',
      ]);
    });
  });
});
