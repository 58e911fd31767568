import { decodeOrder, orderCreatedEventId } from '@order-service/contracts';
import { cleanUpAfterEach, readTopicToEnd, testLogger, waitFor } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { startOrderProducer } from '../../src/service.ts';
import { engines, openTestEnvironment, orderBody, testConfig } from './test-support.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

describe.each(engines)('order-producer on %s, happy path', (engine) => {
  it('publishes an accepted order once to orders.created: decodable, keyed by order_id, with its headers', async () => {
    const { kafka, topic, database } = await openTestEnvironment(engine, cleanups);
    const producer = await startOrderProducer(
      testConfig({ ...database.env, TOPIC_ORDERS_CREATED: topic }),
      logger,
    );
    cleanups.push(() => producer.stop());

    const body = orderBody();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await producer.app.inject({
      method: 'POST',
      url: '/orders',
      payload: body,
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.statusCode).toBe(201);

    await waitFor(async () => (await producer.outboxLag()).pending === 0, {
      timeoutMs: 60_000,
      description: 'outbox drained',
    });
    const records = await readTopicToEnd(kafka, topic);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record?.key).toBe(body.order_id);
    const decoded = decodeOrder(record?.value ?? '');
    expect(decoded).toEqual({ ok: true, value: response.json() });
    expect(record?.headers).toEqual({
      'content-type': 'application/json',
      'x-message-name': 'OrderCreated',
      'x-event-id': orderCreatedEventId(body.order_id),
      traceparent: expect.stringMatching(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`)),
    });

    const stored = await producer.app.inject({ method: 'GET', url: `/orders/${body.order_id}` });
    expect(stored.json()).toMatchObject({ published: true, order: response.json() });
    const ready = await producer.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok' } });
    // Kafka is not a readiness check of the front door (the outbox holds orders): /health shows it.
    expect(ready.json().checks).not.toHaveProperty('kafka');
    await waitFor(
      async () => (await producer.app.inject({ method: 'GET', url: '/health' })).json().kafka === 'ok',
      { timeoutMs: 30_000, description: '/health shows Kafka reachable' },
    );
  });
});
