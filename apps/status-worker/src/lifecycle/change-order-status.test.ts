import {
  allowedTransitions,
  classifyTransition,
  decodeOrderStatusChanged,
  ORDER_STATUSES,
  statusChangedEventId,
} from '@order-service/contracts';
import type { Store } from '@order-service/runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pathBetween, REACHABLE_STATUSES } from '../../test/support/lifecycle-paths.ts';
import { openMemoryStore, readOutbox, steppingClock } from '../../test/support/memory-store.ts';
import { makeOrder } from '../../test/support/order-fixtures.ts';
import { StatusWorkerError } from '../errors.ts';
import { receiveOrder } from '../handlers/receive-order.ts';
import { listStatusHistory } from '../store/order-queries.ts';
import { type ChangeOrderStatusDeps, changeOrderStatus } from './change-order-status.ts';

let store: Store;
let deps: ChangeOrderStatusDeps;

// One store for the file (opening PGlite takes a second); every test uses its own order.
beforeAll(async () => {
  store = await openMemoryStore();
});
afterAll(() => store.close());
beforeEach(() => {
  deps = { store, statusTopic: 'orders.status.test', now: steppingClock() };
});

async function orderIn(status: (typeof REACHABLE_STATUSES)[number]): Promise<string> {
  const order = makeOrder();
  const value = Buffer.from(JSON.stringify(order));
  await receiveOrder(deps, {
    value,
    location: { topic: 't', partition: 0, offset: order.order_id },
    traceparent: null,
  });
  for (const step of pathBetween('PROCESSING', status) ?? []) {
    await changeOrderStatus(deps, {
      orderId: order.order_id,
      status: step,
      comment: null,
      traceparent: null,
    });
  }
  return order.order_id;
}

describe('changeOrderStatus', () => {
  it('answers STATUS_WORKER_ORDER_NOT_FOUND for an order never received', async () => {
    const error = await changeOrderStatus(deps, {
      orderId: 'nope',
      status: 'SHIPPED',
      comment: null,
      traceparent: null,
    })
      .then(() => undefined)
      .catch((caught: unknown) => caught);
    expect(StatusWorkerError.isInstance(error) && error.code).toBe('STATUS_WORKER_ORDER_NOT_FOUND');
  });

  for (const from of REACHABLE_STATUSES) {
    for (const to of ORDER_STATUSES) {
      const kind = classifyTransition(from, to);
      it(`${from} -> ${to} is a ${kind}`, async () => {
        const orderId = await orderIn(from);
        const outboxBefore = (await readOutbox(store, orderId)).length;
        const request = { orderId, status: to, comment: 'by the test', traceparent: null };

        if (kind === 'forbidden') {
          const error = await changeOrderStatus(deps, request).catch((caught: unknown) => caught);
          expect(error).toMatchObject({
            code: 'STATUS_WORKER_TRANSITION_FORBIDDEN',
            details: { current_status: from, allowed: [...allowedTransitions(from)] },
          });
          expect((error as Error).message).toContain(`is ${from}; it cannot move to ${to}`);
          expect(await readOutbox(store, orderId)).toHaveLength(outboxBefore);
          return;
        }

        const result = await changeOrderStatus(deps, request);
        expect(result).toMatchObject({ orderId, status: to, changed: kind === 'transition' });
        const outbox = await readOutbox(store, orderId);
        const history = await listStatusHistory(store, orderId);
        if (kind === 'repeat') {
          expect(outbox).toHaveLength(outboxBefore);
          expect(history.at(-1)?.status).toBe(from);
          return;
        }
        expect(outbox).toHaveLength(outboxBefore + 1);
        const last = outbox.at(-1);
        expect(last?.headers['x-event-id']).toBe(statusChangedEventId(orderId, to));
        const decoded = decodeOrderStatusChanged(last?.message_value);
        expect(decoded.ok && decoded.value).toEqual({
          order_id: orderId,
          status: to,
          updated_at: result.updatedAt,
          comment: 'by the test',
        });
        expect(history.at(-1)).toMatchObject({
          status: to,
          changedAt: result.updatedAt,
          comment: 'by the test',
        });
      });
    }
  }

  it('answers a repeat with the time the order first reached the status', async () => {
    const orderId = await orderIn('SHIPPED');
    const first = await readOrderTime(orderId);
    const repeat = await changeOrderStatus(deps, {
      orderId,
      status: 'SHIPPED',
      comment: null,
      traceparent: null,
    });
    expect(repeat).toEqual({ orderId, status: 'SHIPPED', updatedAt: first, changed: false });
  });
});

async function readOrderTime(orderId: string): Promise<string> {
  const history = await listStatusHistory(store, orderId);
  return history.at(-1)?.changedAt ?? '';
}
