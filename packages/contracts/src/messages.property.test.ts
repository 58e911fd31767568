import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeNotification,
  decodeOrder,
  decodeOrderStatusChanged,
  encodeNotification,
  encodeOrder,
  encodeOrderStatusChanged,
} from './messages.ts';
import type { Order } from './schemas/order.ts';
import { wireNotification, wireOrder, wireStatusChanged } from './test-support/arbitraries.ts';

/** One change to a valid order that breaks the wire schema at exactly one JSON pointer. */
interface Mutation {
  readonly path: string;
  readonly apply: (order: Record<string, unknown>) => void;
}

const requiredFields = ['order_id', 'customer_id', 'items', 'total_amount', 'created_at', 'status'] as const;
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
const notAnInteger = fc.oneof(
  fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
);

function itemMutation(order: Order): fc.Arbitrary<Mutation> {
  return fc
    .record({
      index: fc.nat({ max: order.items.length - 1 }),
      field: fc.constantFrom('product_id', 'quantity', 'price'),
      kind: fc.constantFrom('delete', 'wrong-type', 'below-minimum'),
      wrongString: notAString,
      wrongInteger: notAnInteger,
      belowOne: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: 0 }),
    })
    .map(({ index, field, kind, wrongString, wrongInteger, belowOne }) => ({
      path: `/items/${index}/${field}`,
      apply: (target) => {
        const item = (target.items as Record<string, unknown>[])[index] as Record<string, unknown>;
        if (kind === 'delete') delete item[field];
        else if (kind === 'below-minimum' && field === 'quantity') item[field] = belowOne;
        else item[field] = field === 'product_id' ? wrongString : wrongInteger;
      },
    }));
}

function mutation(order: Order): fc.Arbitrary<Mutation> {
  const topLevel = fc.oneof(
    fc.constantFrom(...requiredFields).map((field) => ({
      path: `/${field}`,
      apply: (target: Record<string, unknown>) => delete target[field],
    })),
    fc
      .tuple(fc.constantFrom('order_id', 'customer_id', 'created_at', 'status'), notAString)
      .map(([field, value]) => ({
        path: `/${field}`,
        apply: (target: Record<string, unknown>) => (target[field] = value),
      })),
    notAnInteger.map((value) => ({
      path: '/total_amount',
      apply: (target: Record<string, unknown>) => (target.total_amount = value),
    })),
    fc
      .string()
      .filter((value) => !['NEW', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED'].includes(value))
      .map((value) => ({
        path: '/status',
        apply: (target: Record<string, unknown>) => (target.status = value),
      })),
    fc
      .constantFrom(
        '2023-02-29T10:00:00Z',
        '2024-02-20T15:30:00',
        '2024-02-20',
        '2024-02-20 15:30:00Z',
        'now',
      )
      .map((value) => ({
        path: '/created_at',
        apply: (target: Record<string, unknown>) => (target.created_at = value),
      })),
  );
  return order.items.length === 0 ? topLevel : fc.oneof(topLevel, itemMutation(order));
}

describe('properties of the codecs', () => {
  it('round-trips every valid order through encode and decode unchanged', () => {
    fc.assert(
      fc.property(wireOrder, (order) => {
        expect(decodeOrder(Buffer.from(encodeOrder(order)))).toEqual({ ok: true, value: order });
      }),
    );
  });

  it('round-trips every valid status change and notification unchanged', () => {
    fc.assert(
      fc.property(wireStatusChanged, wireNotification, (status, notification) => {
        expect(decodeOrderStatusChanged(encodeOrderStatusChanged(status))).toEqual({
          ok: true,
          value: status,
        });
        expect(decodeNotification(encodeNotification(notification))).toEqual({
          ok: true,
          value: notification,
        });
      }),
    );
  });

  it('rejects every single mutation of a valid order with exactly the JSON pointer it broke', () => {
    const orderAndMutation = wireOrder.chain((order) => fc.tuple(fc.constant(order), mutation(order)));
    fc.assert(
      fc.property(orderAndMutation, ([order, change]) => {
        const mutated = structuredClone(order) as unknown as Record<string, unknown>;
        change.apply(mutated);
        const result = decodeOrder(JSON.stringify(mutated));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.violations.map((violation) => violation.path)).toEqual([change.path]);
      }),
    );
  });
});
