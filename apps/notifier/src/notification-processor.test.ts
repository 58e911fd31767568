import { decodeNotification, notificationId, statusChangedEventId } from '@order-service/contracts';
import { enqueueOutbox, type Store } from '@order-service/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../test/support/memory-store.ts';
import { makeChange, makeOrder } from '../test/support/order-fixtures.ts';
import type { LiveEvent } from './live-view.ts';
import { createNotificationProcessor, type NotificationProcessor } from './notification-processor.ts';
import { findOrder } from './order-repository.ts';

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
});
