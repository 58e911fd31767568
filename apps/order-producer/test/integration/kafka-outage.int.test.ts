import { cleanUpAfterEach, readTopicToEnd, testLogger, waitFor } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { startOrderProducer } from '../../src/service.ts';
import { NetworkSwitch } from './network-switch.ts';
import { engines, openTestEnvironment, orderBody, testConfig } from './test-support.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

/*
 * The local broker is shared with other test runs, so "Kafka stopped" is simulated inside this
 * process: the app's kafkajs sockets go through a switch that cuts open connections and refuses new
 * ones while Kafka is "down" (what a client sees of a stopped broker).
 */
describe.each(engines)('order-producer on %s while Kafka is unreachable', (engine) => {
  it('accepts orders, keeps them pending, and publishes each exactly once when Kafka returns', async () => {
    const { kafka, topic, database } = await openTestEnvironment(engine, cleanups);
    const network = new NetworkSwitch(false);
    const producer = await startOrderProducer(
      testConfig({ ...database.env, TOPIC_ORDERS_CREATED: topic }),
      logger,
      { kafka: { connectionTimeoutMs: 500, socketFactory: network.socketFactory } },
    );
    cleanups.push(() => producer.stop());

    const bodies = Array.from({ length: 20 }, () => orderBody());
    for (const body of bodies) {
      const response = await producer.app.inject({ method: 'POST', url: '/orders', payload: body });
      expect(response.statusCode).toBe(201);
    }
    // The front door stays in service: the outbox holds the orders, so Kafka is not in /ready.
    const ready = await producer.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok' } });
    expect(ready.json().checks).not.toHaveProperty('kafka');
    await waitFor(
      async () =>
        String((await producer.app.inject({ method: 'GET', url: '/health' })).json().kafka).startsWith(
          'unreachable: ',
        ),
      { timeoutMs: 30_000, description: '/health shows Kafka unreachable' },
    );
    const health = await producer.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    expect((await producer.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(
      /^kafka_reachable\{[^}]*\} 0$/m,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await producer.outboxLag()).pending).toBe(20);
    const unpublished = await producer.app.inject({ method: 'GET', url: `/orders/${bodies[0]?.order_id}` });
    expect(unpublished.json().published).toBe(false);

    network.up();
    await waitFor(async () => (await producer.outboxLag()).pending === 0, {
      timeoutMs: 120_000,
      description: 'published after Kafka returned',
    });
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.key).sort()).toEqual(bodies.map((body) => body.order_id).sort());
    await waitFor(
      async () => (await producer.app.inject({ method: 'GET', url: '/health' })).json().kafka === 'ok',
      { timeoutMs: 30_000, description: '/health shows Kafka reachable again' },
    );
    expect((await producer.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(
      /^kafka_reachable\{[^}]*\} 1$/m,
    );
  });

  it('publishes each order exactly once when Kafka goes away in the middle of a stream of orders', async () => {
    const { kafka, topic, database } = await openTestEnvironment(engine, cleanups);
    const network = new NetworkSwitch(true);
    const producer = await startOrderProducer(
      testConfig({ ...database.env, TOPIC_ORDERS_CREATED: topic, OUTBOX_BATCH_SIZE: '10' }),
      logger,
      { kafka: { connectionTimeoutMs: 500, socketFactory: network.socketFactory } },
    );
    cleanups.push(() => producer.stop());

    const bodies = Array.from({ length: 120 }, () => orderBody());
    for (const [index, body] of bodies.entries()) {
      // Cut the network twice while orders keep arriving and the relay is publishing.
      if (index === 30 || index === 80) network.down();
      if (index === 55 || index === 100) network.up();
      const response = await producer.app.inject({ method: 'POST', url: '/orders', payload: body });
      expect(response.statusCode).toBe(201);
    }
    network.up();
    await waitFor(async () => (await producer.outboxLag()).pending === 0, {
      timeoutMs: 120_000,
      description: 'everything published',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.key).sort()).toEqual(bodies.map((body) => body.order_id).sort());
  });
});
