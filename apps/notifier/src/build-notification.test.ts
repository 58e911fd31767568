import { decodeNotification, notificationId, type Order } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { buildNotification } from './build-notification.ts';

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

  it('counts pieces, not lines, in the text', () => {
    const accepted = { ...change, status: 'PROCESSING' as const };
    const notification = buildNotification({ order, change: accepted, statusEventId: 'e', locale: 'en' });
    expect(notification.text).toContain('3 items for ₽3,000.00');
  });
});
