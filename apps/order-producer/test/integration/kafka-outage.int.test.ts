import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderProducer } from '../../src/create-order-producer.ts';
import {
  createOrdersTopic,
  engines,
  freshDatabase,
  orderBody,
  readAll,
  testConfig,
  testKafka,
  testLogger,
  waitFor,
} from './test-support.ts';

const logger = testLogger();
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/*
 * The local broker is shared with other test runs, so "Kafka stopped" is simulated inside this
 * process: the app's kafkajs sockets go through a switch that refuses every connection while Kafka
 * is "down" (exactly what a stopped broker looks like to a client: connection refused).
 */
describe.each(engines)('order-producer on %s while Kafka is unreachable', (engine) => {
  it('accepts orders, keeps them pending, and publishes each exactly once when Kafka returns', async () => {
    const kafka = testKafka(logger);
    const { topic, remove } = await createOrdersTopic(kafka);
    cleanups.push(remove);
    const database = freshDatabase(engine);
    cleanups.push(database.drop);
    let kafkaUp = false;
    const producer = await createOrderProducer(
      testConfig({ ...database.env, TOPIC_ORDERS_CREATED: topic }),
      logger,
      {
        kafka: {
          connectionTimeoutMs: 500,
          socketFactory: ({ host, port, onConnect }) =>
            createConnection({ host, port: kafkaUp ? port : 1 }, onConnect),
        },
      },
    );
    cleanups.push(() => producer.close());

    const bodies = Array.from({ length: 20 }, () => orderBody());
    for (const body of bodies) {
      const response = await producer.app.inject({ method: 'POST', url: '/orders', payload: body });
      expect(response.statusCode).toBe(201);
    }
    const notReady = await producer.app.inject({ method: 'GET', url: '/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().checks.store).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await producer.relay.lag()).pending).toBe(20);
    const unpublished = await producer.app.inject({ method: 'GET', url: `/orders/${bodies[0]?.order_id}` });
    expect(unpublished.json().published).toBe(false);

    kafkaUp = true;
    await waitFor(
      async () => (await producer.relay.lag()).pending === 0,
      120_000,
      'published after Kafka returned',
    );
    const records = await readAll(kafka, topic);
    expect(records.map((record) => record.key).sort()).toEqual(bodies.map((body) => body.order_id).sort());
  });
});
