import { type OrderStatusChanged, statusChangedEventId } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { resolveStatusEventId } from './resolve-status-event-id.ts';

const change: OrderStatusChanged = { order_id: 'o-1', status: 'SHIPPED', updated_at: '2024-02-20T15:30:00Z' };

describe('resolveStatusEventId', () => {
  it('takes the x-event-id header, as a Buffer from kafkajs', () => {
    expect(resolveStatusEventId(change, { 'x-event-id': Buffer.from('evt-42') })).toBe('evt-42');
  });

  it('takes the first value of a repeated header', () => {
    expect(resolveStatusEventId(change, { 'x-event-id': ['evt-1', 'evt-2'] })).toBe('evt-1');
  });

  it('falls back to the id derived from order and status when the header is absent or blank', () => {
    const derived = statusChangedEventId('o-1', 'SHIPPED');
    expect(resolveStatusEventId(change, {})).toBe(derived);
    expect(resolveStatusEventId(change, { 'x-event-id': Buffer.from('  ') })).toBe(derived);
  });
});
