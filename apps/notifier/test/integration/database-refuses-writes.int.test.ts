import { setTimeout as sleep } from 'node:timers/promises';
import { openStore, type Store } from '@order-service/runtime';
import {
  countOffsets,
  createTestDatabase,
  metricValue,
  produceRecords,
  readTopicsToEnd,
  requireTestDatabaseUrl,
  type TestDatabase,
  testKafka,
  testLogger,
  waitFor,
  waitForGroupCaughtUp,
} from '@order-service/test-support';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createNotifierTopics, removeTestTopics } from '../support/notifier-topics.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { orderRecord, statusRecord } from '../support/produce-orders.ts';
import { removeTestDataDirs, startTestNotifier, type TestNotifier } from '../support/start-test-notifier.ts';

// Issue 11, row 6: with its PostgreSQL refusing writes for a while (read-only after a failover,
// SQLSTATE 25006), the notifier dead-lettered every record of the window on the first attempt
// (RUNTIME_STORE_QUERY_FAILED, x-dlq-attempts 1): 15 of 15 notifications lost. A read-only
// transaction is a "try again": nothing may be dead-lettered or committed while it lasts, and every
// notification is produced exactly once when the database takes writes again.

const kafka = testKafka({ clientId: 'notifier-test' });
const running: TestNotifier[] = [];
const databases: TestDatabase[] = [];
let admin: Store | undefined;
const CHANGES = 15;
const WINDOW_MS = 10_000;

afterEach(async () => {
  for (const notifier of running.splice(0)) await notifier.stop();
  for (const database of databases.splice(0)) await database.drop();
  await admin?.close();
  admin = undefined;
});
afterAll(async () => {
  await removeTestTopics();
  removeTestDataDirs();
});

/** Sets the database's default read-only mode and ends its sessions so new ones pick it up. */
async function setReadOnly(store: Store, database: string, on: boolean): Promise<void> {
  await store.query(`ALTER DATABASE ${database} SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
  await store.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
}

describe('notifier on PostgreSQL while the database refuses writes', () => {
  it('retries through a read-only window: all 15 notifications once, nothing dead-lettered', async () => {
    const database = await createTestDatabase('notifier_read_only');
    databases.push(database);
    const name = new URL(database.url).pathname.slice(1);
    admin = await openStore({
      databaseUrl: requireTestDatabaseUrl(),
      logger: testLogger(),
      maxConnections: 1,
    });
    const topics = await createNotifierTopics(kafka);
    const notifier = await startTestNotifier({ topics, env: { DATABASE_URL: database.url } });
    running.push(notifier);
    const dlqs = [`${topics.created}.dlq`, `${topics.status}.dlq`];
    const deadLettered = async () =>
      (await Promise.all(dlqs.map((topic) => countOffsets(kafka, topic)))).reduce((a, b) => a + b, 0);

    // The orders are stored while the database takes writes; an order alone notifies nothing.
    const orders = Array.from({ length: CHANGES }, () => makeOrder());
    await produceRecords(kafka, topics.created, orders.map(orderRecord));
    await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created], { timeoutMs: 30_000 });

    await setReadOnly(admin, name, true);
    await produceRecords(
      kafka,
      topics.status,
      orders.map((order) => statusRecord(makeChange(order, 'SHIPPED', 1))),
    );
    await sleep(WINDOW_MS);
    // The fault took: nothing got through the read-only database, and nothing was given up on.
    expect(await countOffsets(kafka, topics.notifications)).toBe(0);
    expect(await deadLettered()).toBe(0);
    const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
    expect(metricValue(metrics, 'consumer_records_retried_total', { topic: topics.status })).toBeGreaterThan(
      0,
    );

    await setReadOnly(admin, name, false);
    await waitFor(async () => (await countOffsets(kafka, topics.notifications)) >= CHANGES, {
      description: `${CHANGES} notifications after the database takes writes again`,
      timeoutMs: 30_000,
    });
    await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created, topics.status], {
      timeoutMs: 30_000,
    });
    const read = await readTopicsToEnd(kafka, [topics.notifications, ...dlqs]);
    const notifications = (read[topics.notifications] ?? []).map(
      (record) => JSON.parse(record.value ?? '{}') as { order_id: string; status: string },
    );
    expect(notifications).toHaveLength(CHANGES);
    expect(notifications.map((n) => n.order_id).sort()).toEqual(orders.map((order) => order.order_id).sort());
    expect(new Set(notifications.map((n) => n.status))).toEqual(new Set(['SHIPPED']));
    for (const topic of dlqs) expect(read[topic] ?? [], topic).toEqual([]);
  }, 60_000);

  // The same window made by a held lock: every session of the notifier's database gives up its lock
  // waits after 300 ms (55P03) or its statements (57014), while a transaction holds orders_seen.
  it.each([
    { setting: 'lock_timeout', sqlstate: '55P03' },
    { setting: 'statement_timeout', sqlstate: '57014' },
  ])(
    'retries behind a held lock with $setting ($sqlstate): all 15 notifications once, nothing dead-lettered',
    async ({ setting }) => {
      const database = await createTestDatabase('notifier_lock_wait');
      databases.push(database);
      const name = new URL(database.url).pathname.slice(1);
      const logger = testLogger();
      admin = await openStore({ databaseUrl: requireTestDatabaseUrl(), logger, maxConnections: 1 });
      const topics = await createNotifierTopics(kafka);
      const notifier = await startTestNotifier({ topics, env: { DATABASE_URL: database.url } });
      running.push(notifier);
      const dlqs = [`${topics.created}.dlq`, `${topics.status}.dlq`];
      const deadLettered = async () =>
        (await Promise.all(dlqs.map((topic) => countOffsets(kafka, topic)))).reduce((a, b) => a + b, 0);

      const orders = Array.from({ length: CHANGES }, () => makeOrder());
      await produceRecords(kafka, topics.created, orders.map(orderRecord));
      await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created], { timeoutMs: 30_000 });

      await admin.query(`ALTER DATABASE ${name} SET ${setting} = '300ms'`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      const locker = await openStore({ databaseUrl: database.url, logger, maxConnections: 1 });
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => undefined;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holding = locker.transaction(async (tx) => {
        // The locker's own session has the setting too; its one statement takes the lock at once.
        await tx.query(`SET LOCAL ${setting} = 0`);
        await tx.query('LOCK TABLE orders_seen IN ACCESS EXCLUSIVE MODE');
        locked();
        await released;
      });
      try {
        await isLocked;
        await produceRecords(
          kafka,
          topics.status,
          orders.map((order) => statusRecord(makeChange(order, 'SHIPPED', 1))),
        );
        await sleep(WINDOW_MS);
        expect(await countOffsets(kafka, topics.notifications)).toBe(0);
        expect(await deadLettered()).toBe(0);
        const metrics = await (await fetch(`${notifier.url}/metrics`)).text();
        expect(
          metricValue(metrics, 'consumer_records_retried_total', { topic: topics.status }),
        ).toBeGreaterThan(0);
      } finally {
        release();
        await holding.catch(() => undefined);
        await locker.close();
      }

      await waitFor(async () => (await countOffsets(kafka, topics.notifications)) >= CHANGES, {
        description: `${CHANGES} notifications after the lock is released`,
        timeoutMs: 30_000,
      });
      await waitForGroupCaughtUp(kafka, notifier.groupId, [topics.created, topics.status], {
        timeoutMs: 30_000,
      });
      const read = await readTopicsToEnd(kafka, [topics.notifications, ...dlqs]);
      const notifications = (read[topics.notifications] ?? []).map(
        (record) => JSON.parse(record.value ?? '{}') as { order_id: string },
      );
      expect(notifications).toHaveLength(CHANGES);
      expect(notifications.map((n) => n.order_id).sort()).toEqual(
        orders.map((order) => order.order_id).sort(),
      );
      for (const topic of dlqs) expect(read[topic] ?? [], topic).toEqual([]);
    },
    60_000,
  );
});
