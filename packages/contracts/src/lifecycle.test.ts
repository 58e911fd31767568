import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, classifyTransition, isFinal } from './lifecycle.ts';
import { ORDER_STATUSES, type OrderStatus } from './schemas/order-status.ts';

const allowed = new Set([
  'NEW->PROCESSING',
  'PROCESSING->SHIPPED',
  'SHIPPED->DELIVERED',
  'NEW->CANCELLED',
  'PROCESSING->CANCELLED',
]);
const pairs = ORDER_STATUSES.flatMap((from) =>
  ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]),
);

describe('order lifecycle', () => {
  it.each(pairs)('%s -> %s is allowed exactly when the issue says so', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}->${to}`));
  });

  it('treats a repeat of the current status as a no-op, not a forbidden move', () => {
    for (const status of ORDER_STATUSES) expect(classifyTransition(status, status)).toBe('repeat');
    expect(classifyTransition('NEW', 'PROCESSING')).toBe('transition');
    expect(classifyTransition('DELIVERED', 'CANCELLED')).toBe('forbidden');
  });

  it('has DELIVERED and CANCELLED as its only final statuses', () => {
    expect(ORDER_STATUSES.filter(isFinal)).toEqual(['DELIVERED', 'CANCELLED']);
    expect(allowedTransitions('DELIVERED')).toEqual([]);
    expect(allowedTransitions('NEW')).toEqual(['PROCESSING', 'CANCELLED']);
  });
});
