import fc from 'fast-check';
import { NOTIFICATION_CHANNELS } from '../schemas/notification.ts';
import type { Order } from '../schemas/order.ts';
import { ORDER_STATUSES } from '../schemas/order-status.ts';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** RFC 3339 date-times: any instant of years 0001-9999, UTC or with an offset, with or without a fraction. */
export const rfc3339DateTime = fc
  .record({
    instant: fc.date({
      min: new Date('0001-01-02T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    }),
    offsetMinutes: fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    lowercase: fc.boolean(),
  })
  .map(({ instant, offsetMinutes, fraction, lowercase }) => {
    const local = new Date(instant.getTime() + offsetMinutes * 60_000);
    const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
    const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const zone =
      offsetMinutes === 0
        ? 'Z'
        : `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
    const text = `${date}T${time}${fraction === undefined ? '' : `.${fraction}`}${zone}`;
    return lowercase ? text.toLowerCase() : text;
  });

const integer = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

/** Any order the wire schema accepts (business rules not applied). */
export const wireOrder: fc.Arbitrary<Order> = fc.record({
  order_id: fc.string(),
  customer_id: fc.string(),
  items: fc.array(
    fc.record({
      product_id: fc.string(),
      quantity: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      price: integer,
    }),
    { maxLength: 8 },
  ),
  total_amount: integer,
  created_at: rfc3339DateTime,
  status: fc.constantFrom(...ORDER_STATUSES),
});

/** Status changes the wire schema accepts, with and without a comment. */
export const wireStatusChanged = fc.record(
  {
    order_id: fc.string(),
    status: fc.constantFrom(...ORDER_STATUSES),
    updated_at: rfc3339DateTime,
    comment: fc.string(),
  },
  { requiredKeys: ['order_id', 'status', 'updated_at'] },
);

/** Notifications the wire schema accepts. */
export const wireNotification = fc.record({
  notification_id: fc.uuid(),
  order_id: fc.string(),
  customer_id: fc.string(),
  status: fc.constantFrom(...ORDER_STATUSES),
  channel: fc.constantFrom(...NOTIFICATION_CHANNELS),
  locale: fc.constantFrom('ru-RU', 'en-US', 'en', 'kk-Cyrl-KZ'),
  title: fc.string({ minLength: 1 }),
  text: fc.string({ minLength: 1 }),
  total_amount: integer,
  created_at: rfc3339DateTime,
});
