import { encodeOrder, type Order, statusChangedEventId } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { NotifierError } from '../notifier-error.ts';
import type { PendingStatusEvent } from '../store/pending-status-repository.ts';
import type { NotificationProcessor } from './notification-processor.ts';
import { createBatchHandler, createRecordHandler } from './record-handler.ts';

const order: Order = {
  order_id: '12345',
  customer_id: 'user789',
  items: [{ product_id: 'prod123', quantity: 2, price: 150000 }],
  total_amount: 300000,
  created_at: '2024-02-20T15:30:00Z',
  status: 'NEW',
};

function recordingProcessor() {
  const calls: { orders: [Order, string][]; changes: PendingStatusEvent[]; batches: number } = {
    orders: [],
    changes: [],
    batches: 0,
  };
  const processor: NotificationProcessor = {
    async receiveOrder(received, payload) {
      calls.orders.push([received, payload]);
      return { kind: 'order-stored', notifications: [] };
    },
    async receiveStatusChange(event) {
      calls.changes.push(event);
      return { kind: 'pending' };
    },
    async receiveBatch(events) {
      calls.batches += 1;
      return Promise.all(
        events.map((event) =>
          event.kind === 'order'
            ? this.receiveOrder(event.order, event.payload)
            : this.receiveStatusChange(event.event),
        ),
      );
    },
  };
  return { processor, calls };
}

const topics = { ordersCreated: 't.created', ordersStatus: 't.status' };

async function rejection(promise: Promise<unknown>): Promise<NotifierError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!NotifierError.isInstance(error)) throw new Error(`expected a NotifierError, got ${String(error)}`);
  return error;
}

describe('record handler', () => {
  it('hands a decoded order to the processor with its exact payload', async () => {
    const { processor, calls } = recordingProcessor();
    const value = encodeOrder(order);
    await createRecordHandler(processor, topics)({ topic: 't.created', value: Buffer.from(value) });
    expect(calls.orders).toEqual([[order, value]]);
  });

  it('hands a status change over with the event id from its header', async () => {
    const { processor, calls } = recordingProcessor();
    const change = { order_id: '12345', status: 'SHIPPED', updated_at: '2024-02-21T10:00:00Z' };
    await createRecordHandler(
      processor,
      topics,
    )({
      topic: 't.status',
      value: Buffer.from(JSON.stringify(change)),
      headers: { 'x-event-id': Buffer.from('evt-9'), traceparent: Buffer.from('00-abc-def-01') },
    });
    expect(calls.changes).toEqual([{ change, statusEventId: 'evt-9', traceparent: '00-abc-def-01' }]);
  });

  it('derives the event id when the status record has no header', async () => {
    const { processor, calls } = recordingProcessor();
    const change = { order_id: '1', status: 'DELIVERED', updated_at: '2024-02-21T10:00:00Z' };
    await createRecordHandler(processor, topics)({ topic: 't.status', value: JSON.stringify(change) });
    expect(calls.changes[0]?.statusEventId).toBe(statusChangedEventId('1', 'DELIVERED'));
    expect(calls.changes[0]?.traceparent).toBeUndefined();
  });

  it('refuses, not retryably, a status record that breaks the contract', async () => {
    const { processor, calls } = recordingProcessor();
    const handle = createRecordHandler(processor, topics);
    const error = await rejection(handle({ topic: 't.status', value: '{"order_id":1}' }));
    expect(error).toMatchObject({ code: 'NOTIFIER_RECORD_UNDECODABLE', retryable: false });
    expect(error.message).toMatch(/OrderStatusChanged/);
    expect(calls.changes).toEqual([]);
  });

  it('refuses, not retryably, an order record that is not JSON or has no value', async () => {
    const { processor } = recordingProcessor();
    const handle = createRecordHandler(processor, topics);
    for (const value of [Buffer.from('{nope'), null]) {
      const error = await rejection(handle({ topic: 't.created', value }));
      expect(error).toMatchObject({ code: 'NOTIFIER_RECORD_UNDECODABLE', retryable: false });
    }
  });

  it('refuses a record from a topic it does not read', async () => {
    const { processor } = recordingProcessor();
    const error = await rejection(createRecordHandler(processor, topics)({ topic: 'other', value: '{}' }));
    expect(error.code).toBe('NOTIFIER_RECORD_UNKNOWN_TOPIC');
  });

  it('hands a batch of both topics to the processor in one call, in record order', async () => {
    const { processor, calls } = recordingProcessor();
    const change = { order_id: '12345', status: 'SHIPPED', updated_at: '2024-02-21T10:00:00Z' };
    const outcomes = await createBatchHandler(
      processor,
      topics,
    )([
      { topic: 't.status', value: JSON.stringify(change) },
      { topic: 't.created', value: encodeOrder(order) },
    ]);
    expect(calls.batches).toBe(1);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['pending', 'order-stored']);
    expect(calls.changes[0]?.change.status).toBe('SHIPPED');
    expect(calls.orders[0]?.[0].order_id).toBe('12345');
  });

  it('refuses a whole batch, not retryably, when one record breaks the contract, before storing any', async () => {
    const { processor, calls } = recordingProcessor();
    const error = await rejection(
      createBatchHandler(
        processor,
        topics,
      )([
        { topic: 't.created', value: encodeOrder(order) },
        { topic: 't.created', value: '{nope' },
      ]),
    );
    expect(error).toMatchObject({ code: 'NOTIFIER_RECORD_UNDECODABLE', retryable: false });
    expect(calls.batches).toBe(0);
    expect(calls.orders).toEqual([]);
  });
});
