import { decodeNotification, notificationId, type Order } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { buildNotification } from './build-notification.ts';
import { formatRoubles } from './format-roubles.ts';

const order: Order = {
  order_id: '12345',
  customer_id: 'user789',
  items: [
    { product_id: 'prod123', quantity: 2, price: 150000 },
    { product_id: 'prod9', quantity: 1, price: 0 },
  ],
  total_amount: 300000,
  created_at: '2024-02-20T15:30:00Z',
  status: 'NEW',
};

describe('buildNotification', () => {
  const change = { order_id: '12345', status: 'SHIPPED' as const, updated_at: '2024-02-21T10:00:00Z' };

  it('builds a notification that passes the contract', () => {
    const notification = buildNotification({ order, change, statusEventId: 'evt-1', locale: 'ru' });
    expect(decodeNotification(notification).ok).toBe(true);
  });

  it('derives notification_id from the status event id and dates it by the change', () => {
    const notification = buildNotification({ order, change, statusEventId: 'evt-1', locale: 'en' });
    expect(notification.notification_id).toBe(notificationId('evt-1'));
    expect(notification.created_at).toBe(change.updated_at);
    expect(notification).toMatchObject({ order_id: '12345', customer_id: 'user789', locale: 'en-US' });
  });

  it('renders the same message for a redelivered change', () => {
    const first = buildNotification({ order, change, statusEventId: 'evt-1', locale: 'ru' });
    const again = buildNotification({ order, change: { ...change }, statusEventId: 'evt-1', locale: 'ru' });
    expect(again).toEqual(first);
  });

  it('keeps the change comment out of the customer text and carries it in its own field', () => {
    const accepted = {
      ...change,
      status: 'PROCESSING' as const,
      comment: 'Accepted: the order passed every business rule and is being processed',
    };
    const notification = buildNotification({ order, change: accepted, statusEventId: 'e', locale: 'ru' });
    expect(notification.text).toBe(
      `Ваш заказ 12345 (3 товара на сумму ${formatRoubles(300000, 'ru')}) принят и уже собирается.`,
    );
    expect(notification.text).not.toContain('Комментарий');
    expect(notification.title).not.toContain('Accepted');
    expect(notification.comment).toBe(accepted.comment);
    expect(decodeNotification(notification).ok).toBe(true);
    const withoutComment = buildNotification({ order, change, statusEventId: 'e', locale: 'ru' });
    expect('comment' in withoutComment).toBe(false);
  });

  it('bounds the comment it carries to the contract limit, in whole code points', () => {
    const long = { ...change, comment: '😀'.repeat(1500) };
    const notification = buildNotification({ order, change: long, statusEventId: 'e', locale: 'en' });
    expect(Array.from(notification.comment ?? '')).toHaveLength(1000);
    expect(decodeNotification(notification).ok).toBe(true);
  });

  it('builds a valid notification for an order whose amounts are past 2^53', () => {
    const huge = { ...order, items: [{ product_id: 'p', quantity: 1e20, price: 1e20 }], total_amount: 1e20 };
    const cancelled = { ...change, status: 'CANCELLED' as const };
    const notification = buildNotification({
      order: huge,
      change: cancelled,
      statusEventId: 'e',
      locale: 'ru',
    });
    expect(notification.text).toBe('Ваш заказ 12345 отменён.');
    expect(decodeNotification(notification).ok).toBe(true);
  });

  it('counts pieces, not lines, in the text', () => {
    const accepted = { ...change, status: 'PROCESSING' as const };
    const notification = buildNotification({ order, change: accepted, statusEventId: 'e', locale: 'en' });
    expect(notification.text).toContain('3 items for ₽3,000.00');
  });
});
