import { decodeOrderStatusChanged, statusChangedEventId } from '@order-service/contracts';
import { metricValue, produceRecords, type TopicRecorder, waitFor } from '@order-service/test-support';
import type { Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStatusStream } from '../support/assert-status-stream.ts';
import { type InProcessWorker, startInProcessWorker } from '../support/in-process-worker.ts';
import { type KafkaFixture, openKafkaFixture, type TestTopics } from '../support/kafka-fixture.ts';
import { makeOrder } from '../support/order-fixtures.ts';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

let producer: Producer;
let topics: TestTopics;
let reader: TopicRecorder;
let fixture: KafkaFixture | undefined;
let worker: InProcessWorker;

beforeEach(async () => {
  fixture = await openKafkaFixture('intake', (topics) => [topics.status, topics.createdDlq]);
  ({ producer, topics, reader } = fixture);
  worker = await startInProcessWorker(topics);
});

afterEach(async () => {
  await worker?.close();
  await fixture?.close();
  fixture = undefined;
});

const onTopic = (topic: string) => reader.records.filter((record) => record.topic === topic);
const statusEventsOf = (orderId: string) => onTopic(topics.status).filter((record) => record.key === orderId);

async function metrics(): Promise<string> {
  return (await worker.app.inject({ method: 'GET', url: '/metrics' })).body;
}

describe('status-worker intake from orders.created (Kafka, PGlite)', () => {
  it('moves a valid order to PROCESSING with one OrderStatusChanged carrying the contract headers and the traceparent', async () => {
    const order = makeOrder();
    await produceRecords(producer, topics.created, [
      { key: order.order_id, value: JSON.stringify(order), headers: { traceparent: TRACEPARENT } },
    ]);

    const [record] = await waitFor(
      () => {
        const events = statusEventsOf(order.order_id);
        return events.length > 0 && events;
      },
      { description: 'the PROCESSING event' },
    );
    checkStatusStream(onTopic(topics.status));
    const decoded = decodeOrderStatusChanged(record?.value);
    expect(decoded.ok && decoded.value).toMatchObject({ order_id: order.order_id, status: 'PROCESSING' });
    expect(record?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-message-name': 'OrderStatusChanged',
      'x-event-id': statusChangedEventId(order.order_id, 'PROCESSING'),
      traceparent: TRACEPARENT,
    });

    const view = await worker.app.inject({ method: 'GET', url: `/orders/${order.order_id}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      order_id: order.order_id,
      status: 'PROCESSING',
      order,
      history: [{ status: 'NEW', changed_at: order.created_at }, { status: 'PROCESSING' }],
    });
    expect(statusEventsOf(order.order_id)).toHaveLength(1);
  });

  it('cancels orders that break business rules, each with a comment naming its rule', async () => {
    const cases = [
      { order: makeOrder({ items: [], total_amount: 0 }), reason: '/items must contain at least one item' },
      {
        order: makeOrder({ total_amount: 5 }),
        reason: '/total_amount must equal the sum of quantity x price',
      },
      {
        order: makeOrder({ items: [{ product_id: 'p', quantity: 3, price: -1 }], total_amount: -3 }),
        reason: '/items/0/price must be >= 0 kopecks, got -1',
      },
      {
        order: makeOrder({ status: 'DELIVERED' }),
        reason: '/status must be NEW for a new order, got "DELIVERED"',
      },
    ];
    await produceRecords(
      producer,
      topics.created,
      cases.map(({ order }) => ({ key: order.order_id, value: JSON.stringify(order) })),
    );

    await waitFor(() => onTopic(topics.status).length >= cases.length, {
      description: 'four CANCELLED events',
    });
    checkStatusStream(onTopic(topics.status));
    for (const { order, reason } of cases) {
      const events = statusEventsOf(order.order_id).map((record) => decodeOrderStatusChanged(record.value));
      expect(events).toHaveLength(1);
      const event = events[0];
      expect(event?.ok && event.value.status).toBe('CANCELLED');
      expect(event?.ok && event.value.comment).toContain(reason);
    }
    expect(
      metricValue(await metrics(), 'status_worker_orders_received_total', { outcome: 'cancelled' }),
    ).toBe(4);
  });

  it('starts no second lifecycle for a duplicate order_id: counts it, and dead-letters a copy with other content', async () => {
    const order = makeOrder();
    const conflicting = { ...order, total_amount: order.total_amount + 100 };
    const sentinel = makeOrder();
    // One key, so all four land in one partition, in this order.
    await produceRecords(producer, topics.created, [
      { key: order.order_id, value: JSON.stringify(order) },
      { key: order.order_id, value: JSON.stringify(order) },
      { key: order.order_id, value: JSON.stringify(conflicting) },
      { key: order.order_id, value: JSON.stringify(sentinel) },
    ]);

    await waitFor(() => statusEventsOf(sentinel.order_id).length === 1, {
      description: 'the sentinel order to be processed',
    });
    checkStatusStream(onTopic(topics.status));
    expect(statusEventsOf(order.order_id)).toHaveLength(1);
    const [dead] = await waitFor(
      () => {
        const records = onTopic(topics.createdDlq);
        return records.length > 0 && records;
      },
      { description: 'the conflicting copy on the DLQ' },
    );
    expect(onTopic(topics.createdDlq)).toHaveLength(1);
    expect(JSON.parse(String(dead?.value))).toEqual(conflicting);
    expect(dead?.headers).toMatchObject({
      'x-dlq-error-code': 'STATUS_WORKER_DUPLICATE_ORDER_CONFLICT',
      'x-dlq-source-topic': topics.created,
    });
    expect(dead?.headers['x-dlq-reason']).toContain('(total_amount)');
    const text = await metrics();
    expect(metricValue(text, 'status_worker_orders_received_total', { outcome: 'duplicate' })).toBe(1);
    expect(metricValue(text, 'status_worker_orders_received_total', { outcome: 'conflict' })).toBe(1);
  });

  it('dead-letters poison records with why and where they came from, without blocking their partition', async () => {
    const key = 'one-partition';
    const poison = [
      { value: '{"order_id": "half', why: 'not JSON' },
      { value: JSON.stringify({ order_id: 'x', customer_id: 'c' }), why: 'missing fields' },
      { value: JSON.stringify(makeOrder({ created_at: '2024-02-30T10:00:00Z' })), why: 'impossible date' },
      { value: JSON.stringify([1, 2, 3]), why: 'not an object' },
    ];
    const after = makeOrder();
    await produceRecords(producer, topics.created, [
      ...poison.map(({ value }) => ({ key, value })),
      { key, value: null },
      { key, value: JSON.stringify(after) },
    ]);

    await waitFor(() => statusEventsOf(after.order_id).length === 1, {
      description: 'the order after the poison to be processed',
    });
    const dead = await waitFor(
      () => {
        const records = onTopic(topics.createdDlq);
        return records.length >= 5 && records;
      },
      { description: 'five records on the DLQ' },
    );
    expect(dead).toHaveLength(5);
    const partition = dead[0]?.headers['x-dlq-source-partition'];
    const offsets = dead.map((record) => Number(record.headers['x-dlq-source-offset']));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    poison.forEach(({ value }, index) => {
      expect(String(dead[index]?.value), poison[index]?.why).toBe(value);
    });
    for (const record of dead) {
      expect(record.headers).toMatchObject({
        'x-dlq-error-code': 'STATUS_WORKER_ORDER_UNDECODABLE',
        'x-dlq-source-topic': topics.created,
        'x-dlq-source-partition': partition,
      });
      expect(record.headers['x-dlq-reason']).toMatch(/is not a valid OrderCreated|has no value/);
    }
    expect(dead[2]?.headers['x-dlq-reason']).toContain('/created_at');
    expect(onTopic(topics.status)).toHaveLength(1);
    expect(
      metricValue(await metrics(), 'status_worker_orders_received_total', { outcome: 'undecodable' }),
    ).toBe(5);
  });
});
