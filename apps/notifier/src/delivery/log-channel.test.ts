import type { Notification } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { createLogChannel } from './log-channel.ts';

const notification: Notification = {
  notification_id: '9b2f1e3c-4d5a-5b6c-8d7e-0f1a2b3c4d5e',
  order_id: '1',
  customer_id: 'c',
  status: 'SHIPPED',
  channel: 'webhook',
  locale: 'en-US',
  title: 'Order 1 shipped',
  text: 'Your order 1 for ₽1.00 is on its way.',
  total_amount: 100,
  created_at: '2024-02-20T15:30:00Z',
};

describe('log channel', () => {
  it('writes exactly one JSON line per notification', async () => {
    const lines: string[] = [];
    const channel = createLogChannel({ sink: { write: (line) => lines.push(line) }, now: () => new Date(0) });
    await channel.deliver(notification, JSON.stringify(notification));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.trimEnd()).not.toContain('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      event: 'notification',
      delivered_at: '1970-01-01T00:00:00.000Z',
      ...notification,
    });
  });
});
