import { encodeOrder } from '@order-service/contracts';
import { classifyError, enqueueOutbox, type Store, toStoreError } from '@order-service/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryStore } from '../../test/support/memory-store.ts';
import { makeOrder } from '../../test/support/order-fixtures.ts';
import { findOrder } from '../store/order-repository.ts';
import { createNotificationProcessor, type NotificationProcessor } from './notification-processor.ts';
import { createRecordHandler } from './record-handler.ts';

const topics = { ordersCreated: 't.created', ordersStatus: 't.status' };
let store: Store;
let processor: NotificationProcessor;

beforeAll(async () => {
  store = await openMemoryStore();
  processor = createNotificationProcessor({
    store,
    enqueueOutbox,
    notificationsTopic: 'orders.notifications.test',
    locale: 'ru',
    channels: ['log'],
    onLiveEvent: () => undefined,
  });
  // Opening PGlite takes seconds on a busy machine: give the hook room.
}, 60_000);
afterAll(() => store.close());

describe('record handler on a store that refuses writes for a while', () => {
  it('surfaces a read-only database (25006) as a transient fault, and takes the record once it is writable', async () => {
    const handle = createRecordHandler(processor, topics);
    const order = makeOrder();
    const record = { topic: topics.ordersCreated, value: encodeOrder(order) };
    // PGlite has one connection: every transaction from now on is read-only, as after a failover.
    await store.exec('SET default_transaction_read_only = on');
    const error = await handle(record).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    await store.exec('SET default_transaction_read_only = off');
    expect(error).toMatchObject({ code: 'RUNTIME_STORE_READ_ONLY', sqlState: '25006', retryable: true });
    expect(classifyError(error)).toMatchObject({ code: 'RUNTIME_STORE_READ_ONLY', fault: 'transient' });
    expect(await findOrder(store, order.order_id)).toBeUndefined();

    await handle(record);
    expect((await findOrder(store, order.order_id))?.order.order_id).toBe(order.order_id);
  });

  it.each([
    ['57014', 'RUNTIME_STORE_TIMEOUT'],
    ['55P03', 'RUNTIME_STORE_CONFLICT'],
  ])('passes a store fault %s through unchanged, so it stays transient (%s)', async (sqlState, code) => {
    const storeError = toStoreError({ code: sqlState, severity: 'ERROR', message: 'cancelled' });
    const failing: NotificationProcessor = {
      receiveOrder: () => Promise.reject(storeError),
      receiveStatusChange: () => Promise.reject(storeError),
      receiveBatch: () => Promise.reject(storeError),
    };
    const record = { topic: topics.ordersCreated, value: encodeOrder(makeOrder()) };
    await expect(createRecordHandler(failing, topics)(record)).rejects.toBe(storeError);
    expect(classifyError(storeError)).toMatchObject({ code, fault: 'transient', retryable: true });
  });
});
