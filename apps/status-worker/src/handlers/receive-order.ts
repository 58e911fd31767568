import {
  checkOrderRules,
  type Order,
  type OrderStatus,
  orderFieldsThatDiffer,
} from '@order-service/contracts';
import {
  enqueueOutbox,
  type OutboxMessage,
  type Queryable,
  type Store,
  type Transaction,
} from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';
import { buildStatusChangedMessage } from '../lifecycle/status-changed-message.ts';
import { findOrder, insertNewOrder } from '../store/order-queries.ts';
import type { RecordLocation } from '../store/order-record.ts';
import { withStoreErrors } from '../store/with-store-errors.ts';
import { describeCancellation } from './cancellation-comment.ts';
import { canonicalJson } from './canonical-json.ts';
import { decodeOrderRecord } from './decode-order-record.ts';

/** A record taken from orders.created, reduced to what the intake needs. */
export interface ReceivedRecord {
  value: Buffer | null;
  location: RecordLocation;
  traceparent: string | null;
}

/**
 * What became of a record: `accepted` (now PROCESSING), `cancelled` (broke a business rule),
 * `duplicate` (this order_id was already received from another record, with the same content) or
 * `redelivered` (the very record that created the order, seen again after a restart).
 */
export type ReceiveOutcome = 'accepted' | 'cancelled' | 'duplicate' | 'redelivered';

/** The outcome of {@link receiveOrder} and the order it concerned. */
export interface ReceiveResult {
  outcome: ReceiveOutcome;
  orderId: string;
  status: OrderStatus;
}

/** What {@link receiveOrder} needs. */
export interface ReceiveOrderDeps {
  store: Store;
  statusTopic: string;
  now: () => Date;
}

const RECEIVED_COMMENT = 'Received from orders.created';
const ACCEPTED_COMMENT = 'Accepted: the order passed every business rule and is being processed';

/**
 * Starts the lifecycle of a new order: stores it, its history (NEW, then PROCESSING or CANCELLED
 * with every broken business rule in the comment) and the outbox row announcing that status, all
 * in one transaction, so the change is published exactly when it is stored. A known order_id
 * starts nothing: a repeat with the same content is reported as such, one with different content
 * fails with the non-retryable STATUS_WORKER_DUPLICATE_ORDER_CONFLICT (the consumer dead-letters it).
 */
export async function receiveOrder(deps: ReceiveOrderDeps, record: ReceivedRecord): Promise<ReceiveResult> {
  const [result] = await receiveOrders(deps, [record]);
  if (result === undefined) throw new Error('receiveOrders returned no result for one record');
  return result;
}

/**
 * {@link receiveOrder} for several records in ONE transaction (the consumer's batch mode): all of
 * them are recorded, or none. A record that cannot be decoded or conflicts fails the whole call;
 * the consumer then replays the records one at a time so only that one is dead-lettered.
 */
export async function receiveOrders(
  deps: ReceiveOrderDeps,
  records: readonly ReceivedRecord[],
): Promise<ReceiveResult[]> {
  // Decoded before the transaction opens: an undecodable record fails fast without a round trip.
  const orders = records.map((record) => decodeOrderRecord(record.value, record.location));
  return withStoreErrors('recording received orders', () =>
    deps.store.transaction(async (tx) => {
      const results: ReceiveResult[] = [];
      const messages: OutboxMessage[] = [];
      for (const [index, record] of records.entries()) {
        const order = orders[index];
        if (order === undefined) continue;
        const received = await receiveIn(tx, deps, order, record);
        results.push(received.result);
        if (received.message !== undefined) messages.push(received.message);
      }
      // One outbox statement for the whole batch, rows in record order.
      await enqueueOutbox(tx, messages);
      return results;
    }),
  );
}

async function receiveIn(
  tx: Transaction,
  deps: ReceiveOrderDeps,
  order: Order,
  record: ReceivedRecord,
): Promise<{ result: ReceiveResult; message?: OutboxMessage }> {
  const payload = canonicalJson(order);
  const violations = checkOrderRules(order);
  const to: OrderStatus = violations.length === 0 ? 'PROCESSING' : 'CANCELLED';
  const comment = violations.length === 0 ? ACCEPTED_COMMENT : describeCancellation(violations);
  const at = deps.now().toISOString();
  const message = buildStatusChangedMessage(deps.statusTopic, {
    orderId: order.order_id,
    status: to,
    updatedAt: at,
    comment,
    traceparent: record.traceparent,
  });
  // Stored directly in its first real status, history included: few statements per record.
  const inserted = await insertNewOrder(
    tx,
    {
      orderId: order.order_id,
      status: to,
      at,
      payload,
      traceparent: record.traceparent,
      source: record.location,
      receivedAt: at,
    },
    [
      {
        orderId: order.order_id,
        status: 'NEW',
        at: order.created_at,
        comment: RECEIVED_COMMENT,
        eventId: null,
      },
      { orderId: order.order_id, status: to, at, comment, eventId: message.eventId },
    ],
  );
  if (!inserted) return { result: await classifyRepeat(tx, order, payload, record.location) };
  const outcome: ReceiveOutcome = violations.length === 0 ? 'accepted' : 'cancelled';
  return { result: { outcome, orderId: order.order_id, status: to }, message };
}

async function classifyRepeat(
  tx: Queryable,
  order: Order,
  payload: string,
  location: RecordLocation,
): Promise<ReceiveResult> {
  const stored = await findOrder(tx, order.order_id);
  if (stored === undefined) {
    // The insert saw a row that is gone now: only possible if something deleted it meanwhile.
    throw new StatusWorkerError(
      'STATUS_WORKER_CONCURRENT_UPDATE',
      `Order ${order.order_id} vanished while received.`,
    );
  }
  const { source } = stored;
  if (
    source.topic === location.topic &&
    source.partition === location.partition &&
    source.offset === location.offset
  ) {
    return { outcome: 'redelivered', orderId: order.order_id, status: stored.status };
  }
  if (stored.payload === payload)
    return { outcome: 'duplicate', orderId: order.order_id, status: stored.status };
  const differing = orderFieldsThatDiffer(JSON.parse(stored.payload) as Order, order);
  throw new StatusWorkerError(
    'STATUS_WORKER_DUPLICATE_ORDER_CONFLICT',
    `Order ${order.order_id} was already received from ${source.topic}/${source.partition}@${source.offset} ` +
      `with different content (${differing.join(', ')}); the first copy stands, this one is dead-lettered.`,
    { details: { order_id: order.order_id, differing_fields: differing, first_source: source } },
  );
}
