import { randomUUID } from 'node:crypto';
import { statusChangedEventId } from '@order-service/contracts';
import { enqueueOutbox, migrate, openStore, type Store } from '@order-service/runtime';
import { testLogger } from '@order-service/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationProcessor } from '../../src/handlers/notification-processor.ts';
import { notifierMigrations } from '../../src/store/migrations.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const logger = testLogger();
// A schema of its own, so this file never shares tables with another test.
const schema = `notifier_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const stores: Store[] = [];

async function open(): Promise<Store> {
  if (databaseUrl === undefined || databaseUrl === '') {
    throw new Error('TEST_DATABASE_URL is not set: run `pnpm pg:start` and export the URL it prints.');
  }
  const store = await openStore({ databaseUrl, schema, logger, maxConnections: 10 });
  stores.push(store);
  return store;
}

function processorOn(store: Store) {
  return createNotificationProcessor({
    store,
    enqueueOutbox,
    notificationsTopic: 'orders.notifications.test',
    locale: 'en',
    channels: ['webhook'],
  });
}

const eventOf = (change: ReturnType<typeof makeChange>) => ({
  change,
  statusEventId: statusChangedEventId(change.order_id, change.status),
  traceparent: undefined,
});

let first: Store;
let second: Store;

beforeAll(async () => {
  first = await open();
  await migrate(first, notifierMigrations);
  second = await open();
});
afterAll(async () => {
  await first?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  for (const store of stores) await store.close();
});

describe('notifier store on PostgreSQL', () => {
  it('keeps a status change until its order arrives, then notifies once', async () => {
    const processor = processorOn(first);
    const order = makeOrder();
    expect((await processor.receiveStatusChange(eventOf(makeChange(order, 'SHIPPED', 1)))).kind).toBe(
      'pending',
    );
    const outcome = await processor.receiveOrder(order, JSON.stringify(order));
    expect(outcome.kind === 'order-stored' && outcome.notifications.map((n) => n.status)).toEqual([
      'SHIPPED',
    ]);
    expect((await processor.receiveStatusChange(eventOf(makeChange(order, 'SHIPPED', 1)))).kind).toBe(
      'duplicate',
    );
  });

  it('never strands a change when its order is handled at the same moment on another connection', async () => {
    // Two instances (two pools) racing: the order on one, its status changes on the other.
    const onFirst = processorOn(first);
    const onSecond = processorOn(second);
    const orders = Array.from({ length: 40 }, () => makeOrder());
    await Promise.all(
      orders.flatMap((order) => [
        onFirst.receiveOrder(order, JSON.stringify(order)),
        onSecond.receiveStatusChange(eventOf(makeChange(order, 'PROCESSING', 1))),
        onSecond.receiveStatusChange(eventOf(makeChange(order, 'PROCESSING', 1))),
      ]),
    );
    const ids = orders.map((order) => order.order_id);
    const pending = await first.query(
      'SELECT 1 FROM pending_status_events WHERE order_id = ANY($1::text[])',
      [ids],
    );
    expect(pending.rows).toEqual([]);
    const notified = await first.query<{ count: string }>(
      'SELECT count(*) AS count FROM notifications WHERE order_id = ANY($1::text[])',
      [ids],
    );
    expect(Number(notified.rows[0]?.count)).toBe(orders.length);
    const outbox = await first.query<{ count: string }>(
      'SELECT count(*) AS count FROM outbox WHERE message_key = ANY($1::text[])',
      [ids],
    );
    expect(Number(outbox.rows[0]?.count)).toBe(orders.length);
  });
});
