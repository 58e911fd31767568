import { describe, expect, it } from 'vitest';
import { channels, dlqTopic } from './channels.ts';
import { createRecordHeaders, HEADERS } from './headers.ts';

describe('channels', () => {
  it('maps every AsyncAPI address to a legal Kafka topic, keyed by order_id', () => {
    for (const channel of Object.values(channels)) {
      expect(channel.topic).toBe(channel.address.replaceAll('/', '.'));
      expect(channel.topic).toMatch(/^[a-zA-Z0-9._-]{1,249}$/);
      expect(channel.key).toBe('order_id');
      expect(Object.keys(channel.schema.properties)).toContain('order_id');
    }
    expect(Object.values(channels).map((channel) => channel.topic)).toEqual([
      'orders.created',
      'orders.status',
      'orders.notifications',
    ]);
  });

  it('names the dead-letter topic <topic>.dlq', () => {
    expect(dlqTopic('orders.created')).toBe('orders.created.dlq');
  });
});

describe('record headers', () => {
  it('carries content type, message name, event id and optional trace context', () => {
    expect(createRecordHeaders({ messageName: 'OrderCreated', eventId: 'e1' })).toEqual({
      [HEADERS.contentType]: 'application/json',
      [HEADERS.messageName]: 'OrderCreated',
      [HEADERS.eventId]: 'e1',
    });
    expect(
      createRecordHeaders({ messageName: 'OrderCreated', eventId: 'e1', traceparent: 't' }),
    ).toHaveProperty('traceparent', 't');
  });
});
