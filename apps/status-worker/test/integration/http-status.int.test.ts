import { decodeOrderStatusChanged, statusChangedEventId } from '@order-service/contracts';
import { produceRecords, type TopicRecorder, waitFor } from '@order-service/test-support';
import type { Producer } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStatusStream } from '../support/assert-status-stream.ts';
import { type InProcessWorker, startInProcessWorker } from '../support/in-process-worker.ts';
import { type KafkaFixture, openKafkaFixture, type TestTopics } from '../support/kafka-fixture.ts';
import { makeOrder } from '../support/order-fixtures.ts';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

let producer: Producer;
let topics: TestTopics;
let reader: TopicRecorder;
let fixture: KafkaFixture | undefined;
let worker: InProcessWorker;

beforeEach(async () => {
  fixture = await openKafkaFixture('http', (topics) => [topics.status]);
  ({ producer, topics, reader } = fixture);
  worker = await startInProcessWorker(topics, { API_KEY: 'http-test-api-key-0123' });
});

afterEach(async () => {
  await worker?.close();
  await fixture?.close();
  fixture = undefined;
});

describe('status changes over HTTP reach orders.status (Kafka, PGlite)', () => {
  it('publishes each accepted change once, in order, with the request traceparent, and nothing for repeats or refusals', async () => {
    const order = makeOrder();
    await produceRecords(producer, topics.created, [{ key: order.order_id, value: JSON.stringify(order) }]);
    await waitFor(
      async () => {
        const response = await worker.app.inject({ method: 'GET', url: `/orders/${order.order_id}` });
        return response.statusCode === 200;
      },
      { description: 'the order to be received' },
    );

    const post = (status: string) =>
      worker.app.inject({
        method: 'POST',
        url: `/orders/${order.order_id}/status`,
        headers: { 'x-api-key': 'http-test-api-key-0123', traceparent: TRACEPARENT },
        payload: { status, comment: `to ${status}` },
      });
    expect((await post('SHIPPED')).statusCode).toBe(202);
    expect((await post('SHIPPED')).statusCode).toBe(202);
    expect((await post('CANCELLED')).statusCode).toBe(409);
    expect((await post('DELIVERED')).statusCode).toBe(202);

    const events = await waitFor(
      () => {
        const records = reader.records.filter((record) => record.key === order.order_id);
        return records.length >= 3 && records;
      },
      { description: 'three events for the order' },
    );
    checkStatusStream(reader.records);
    expect(
      events
        .map((record) => decodeOrderStatusChanged(record.value))
        .map((decoded) => decoded.ok && decoded.value.status),
    ).toEqual(['PROCESSING', 'SHIPPED', 'DELIVERED']);
    expect(events[1]?.headers).toMatchObject({
      traceparent: TRACEPARENT,
      'x-event-id': statusChangedEventId(order.order_id, 'SHIPPED'),
    });
    const delivered = decodeOrderStatusChanged(events[2]?.value);
    expect(delivered.ok && delivered.value.comment).toBe('to DELIVERED');

    const view = (await worker.app.inject({ method: 'GET', url: `/orders/${order.order_id}` })).json();
    expect(view.history.map((entry: { status: string }) => entry.status)).toEqual([
      'NEW',
      'PROCESSING',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect(view.updated_at).toBe(delivered.ok && delivered.value.updated_at);
  });
});
