import { describe, expect, it } from 'vitest';
import { ContractError } from './contract-error.ts';
import { notificationId, statusChangedEventId } from './event-ids.ts';
import {
  decodeNotification,
  decodeOrder,
  decodeOrderStatusChanged,
  encodeNotification,
  encodeOrder,
  encodeOrderStatusChanged,
} from './messages.ts';
import type { Notification } from './schemas/notification.ts';
import type { Order } from './schemas/order.ts';
import type { OrderStatusChanged } from './schemas/order-status-changed.ts';
import { type FailingFixture, readFixtures } from './test-support/fixtures.ts';

const validOrders = readFixtures<Order>('order-created.valid.json');
const reference = validOrders['reference-example'] as Order;

const codecs = [
  ['order-created', decodeOrder],
  ['order-status-changed', decodeOrderStatusChanged],
  ['notification', decodeNotification],
] as const;

describe.each(codecs)('golden %s messages', (name, decode) => {
  it.each(Object.entries(readFixtures<unknown>(`${name}.valid.json`)))(
    'decodes the valid message %s',
    (_case, payload) => {
      const result = decode(JSON.stringify(payload));
      expect(result.ok ? [] : result.error.violations).toEqual([]);
      expect(result.ok && result.value).toEqual(payload);
    },
  );

  it.each(Object.entries(readFixtures<FailingFixture>(`${name}.invalid.json`)))(
    'rejects the invalid message %s, naming the right fields',
    (_case, fixture) => {
      const result = decode(JSON.stringify(fixture.payload));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('CONTRACT_SCHEMA_VIOLATION');
      expect(result.error.violations.map((violation) => violation.path).sort()).toEqual(
        [...fixture.paths].sort(),
      );
    },
  );
});

describe('decodeOrder', () => {
  it('decodes a Buffer, a string and an already parsed object alike', () => {
    const json = JSON.stringify(reference);
    for (const input of [Buffer.from(json), json, JSON.parse(json)]) {
      expect(decodeOrder(input)).toEqual({ ok: true, value: reference });
    }
  });

  it('keeps unknown fields, so newer producers do not break older consumers', () => {
    const result = decodeOrder({ ...reference, channel: 'web' });
    expect(result.ok && result.value).toEqual({ ...reference, channel: 'web' });
  });

  it.each(Object.entries(readFixtures<string>('record-values.invalid.json')))(
    'rejects the record value %s as invalid JSON',
    (_case, value) => {
      const result = decodeOrder(Buffer.from(value));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('CONTRACT_INVALID_JSON');
      expect(result.error.violations[0]?.path).toBe('');
      expect(result.error.message).toMatch(/must be a UTF-8 JSON object/);
    },
  );

  it('rejects bytes that are not UTF-8', () => {
    const result = decodeOrder(Buffer.from([0x7b, 0xff, 0x7d]));
    expect(result.ok || result.error.message).toMatch(/not valid UTF-8/);
  });

  it('explains each violation with the expected type and the value it got', () => {
    const result = decodeOrder({
      ...reference,
      items: [{ product_id: 'p', quantity: 0, price: 1 }],
      status: 'PAID',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.violations).toEqual([
      { path: '/items/0/quantity', message: 'must be an integer >= 1, got 0', value: 0 },
      {
        path: '/status',
        message: 'must be one of NEW, PROCESSING, SHIPPED, DELIVERED, CANCELLED, got "PAID"',
        value: 'PAID',
      },
    ]);
  });

  it('names every missing field with its expected type', () => {
    const { order_id: _orderId, ...withoutId } = reference;
    const result = decodeOrder(withoutId);
    expect(result.ok || result.error.violations).toEqual([
      { path: '/order_id', message: 'is required (a string)' },
    ]);
  });
});

describe('encode', () => {
  it('serialises a valid order to the JSON that decodes back to it', () => {
    const json = encodeOrder(reference);
    expect(JSON.parse(json)).toEqual(reference);
  });

  it('throws a ContractError listing the violations of an invalid message', () => {
    const invalid = { ...reference, total_amount: 1.5 };
    let thrown: unknown;
    try {
      encodeOrder(invalid);
    } catch (error) {
      thrown = error;
    }
    expect(ContractError.isInstance(thrown)).toBe(true);
    expect((thrown as ContractError).violations.map((violation) => violation.path)).toEqual([
      '/total_amount',
    ]);
  });

  it('encodes status changes and notifications', () => {
    const status: OrderStatusChanged = {
      order_id: '1',
      status: 'PROCESSING',
      updated_at: '2024-02-20T15:30:05Z',
    };
    expect(JSON.parse(encodeOrderStatusChanged(status))).toEqual(status);
    const notification = readFixtures<Notification>('notification.valid.json')['shipped-ru'] as Notification;
    expect(JSON.parse(encodeNotification(notification))).toEqual(notification);
    expect(() => encodeOrderStatusChanged({ ...status, updated_at: 'yesterday' })).toThrow(
      /\/updated_at must be an RFC 3339 date-time/,
    );
  });
});

describe('golden notifications', () => {
  it.each(Object.entries(readFixtures<Notification>('notification.valid.json')))(
    'carries the deterministic id of its status event (%s)',
    (_case, notification) => {
      expect(notification.notification_id).toBe(
        notificationId(statusChangedEventId(notification.order_id, notification.status)),
      );
    },
  );
});
