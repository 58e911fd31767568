import { randomUUID } from 'node:crypto';
import { freePort } from '@order-service/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { type InProcessWorker, startInProcessWorker } from '../support/in-process-worker.ts';

let worker: InProcessWorker | undefined;

afterEach(async () => {
  await worker?.close();
});

describe('status-worker while Kafka is unreachable', () => {
  it('starts, stays alive and reports not ready instead of exiting, and stops promptly', async () => {
    // A port nobody listens on: every connection is refused at once.
    const deadBroker = `127.0.0.1:${await freePort()}`;
    const suffix = randomUUID();
    worker = await startInProcessWorker(
      {
        created: `orders.created.down-${suffix}`,
        createdDlq: `orders.created.down-${suffix}.dlq`,
        status: `orders.status.down-${suffix}`,
        statusDlq: `orders.status.down-${suffix}.dlq`,
        groupId: `status-worker-down-${suffix}`,
      },
      { KAFKA_BROKERS: deadBroker },
    );

    expect((await worker.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const ready = await worker.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'not_ready', checks: { store: 'ok' } });
    expect(ready.json().checks.kafka).not.toBe('ok');
    const unknown = await worker.app.inject({ method: 'GET', url: '/orders/none' });
    expect(unknown.statusCode).toBe(404);

    const stopping = Date.now();
    await worker.close();
    expect(Date.now() - stopping).toBeLessThan(15_000);
  });
});
