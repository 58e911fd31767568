import { describe, expect, it } from 'vitest';
import { notificationId, orderCreatedEventId, statusChangedEventId, uuidV5 } from './event-ids.ts';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deterministic event ids', () => {
  it('matches UUID v5 as other languages compute it (RFC 9562 test vector)', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') == 886313e1-3b8a-5372-9b90-0c9aee199e5d
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('gives the same id for the same event and different ids for different events', () => {
    expect(orderCreatedEventId('12345')).toBe(orderCreatedEventId('12345'));
    expect(orderCreatedEventId('12345')).toBe('02a36afb-826a-5211-9541-e847ba5d9c03');
    expect(orderCreatedEventId('12345')).not.toBe(orderCreatedEventId('12346'));
    expect(statusChangedEventId('12345', 'SHIPPED')).not.toBe(statusChangedEventId('12345', 'DELIVERED'));
    expect(statusChangedEventId('12345', 'NEW')).not.toBe(orderCreatedEventId('12345'));
  });

  it('derives the notification id from the status event id', () => {
    const eventId = statusChangedEventId('12345', 'SHIPPED');
    expect(notificationId(eventId)).toBe('d0078460-906c-5fd0-9351-cf0f089d3e12');
    expect(notificationId(eventId)).toMatch(UUID_V5);
    expect(notificationId(eventId)).not.toBe(eventId);
  });
});
