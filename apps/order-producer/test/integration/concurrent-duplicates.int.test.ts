import {
  cleanUpAfterEach,
  readTopicToEnd,
  testDatabaseUrl,
  testLogger,
  waitFor,
} from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { type OrderProducer, startOrderProducer } from '../../src/service.ts';
import { openTestEnvironment, orderBody, testConfig } from './test-support.ts';

const logger = testLogger();
const cleanups = cleanUpAfterEach();

describe.skipIf(testDatabaseUrl() === undefined)(
  'two order-producer instances on one PostgreSQL (skipped without TEST_DATABASE_URL)',
  () => {
    it('turns 50 concurrent POSTs of one order_id into one 201, 49 identical 200s and exactly one record', async () => {
      const { kafka, topic, database } = await openTestEnvironment('postgres', cleanups);
      const config = testConfig({ ...database.env, TOPIC_ORDERS_CREATED: topic });
      const instances: OrderProducer[] = [];
      for (let index = 0; index < 2; index += 1) {
        const instance = await startOrderProducer(config, logger);
        cleanups.push(() => instance.stop());
        instances.push(instance);
      }
      const body = orderBody();
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_value, index) =>
          (instances[index % 2] as OrderProducer).app.inject({
            method: 'POST',
            url: '/orders',
            payload: body,
          }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(49);
      const created = responses.find((response) => response.statusCode === 201)?.json();
      for (const response of responses) expect(response.json()).toEqual(created);

      await waitFor(async () => (await (instances[0] as OrderProducer).outboxLag()).pending === 0, {
        timeoutMs: 60_000,
        description: 'outbox drained',
      });
      // Give a second (wrong) publication time to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const records = await readTopicToEnd(kafka, topic);
      expect(records.map((record) => record.key)).toEqual([body.order_id]);
    });
  },
);
