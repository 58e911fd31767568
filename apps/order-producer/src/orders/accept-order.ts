import { channels, createRecordHeaders, type Order, orderCreatedEventId } from '@order-service/contracts';
import {
  enqueueOutbox,
  type OutboxMessage,
  type Store,
  singleRecordBatchBytes,
} from '@order-service/runtime';
import { orderProducerError } from '../errors.ts';
import type { CreateOrderRequest } from '../http/order-request.ts';
import { findOrder, insertOrderIfAbsent } from '../store/order-repository.ts';
import { buildOrder, type OrderFactory } from './build-order.ts';
import { differingFields } from './differing-fields.ts';

/** What accepting a request did. */
export interface AcceptedOrder {
  /** `created`: stored now and queued for publication; `duplicate`: the same order was stored before. */
  outcome: 'created' | 'duplicate';
  order: Order;
  /** The exact JSON that is (or will be) published. */
  payload: string;
}

/** What `acceptOrder` needs. */
export interface AcceptOrderDeps extends OrderFactory {
  store: Store;
  /** The topic of `orders/created` (overridable by TOPIC_ORDERS_CREATED). */
  topic: string;
  /** Largest record (KAFKA_MAX_MESSAGE_BYTES): a larger order is refused (413) before it is stored. */
  maxRecordBytes?: number;
}

/**
 * Validates the request, then in one transaction stores the order and its OrderCreated outbox
 * record -- or, when the id exists, answers the stored order (same content) or a conflict
 * naming the differing fields. Throws HttpErrors (400, 409, 413) and store errors (never a false success).
 */
export async function acceptOrder(
  deps: AcceptOrderDeps,
  request: CreateOrderRequest,
  traceparent: string,
): Promise<AcceptedOrder> {
  const built = buildOrder(request, deps);
  if (!built.ok) {
    throw orderProducerError(
      'ORDER_PRODUCER_INVALID_ORDER',
      `The order breaks ${built.violations.length} rule(s); see violations.`,
      built.violations,
    );
  }
  const { order, payload } = built;
  const eventId = orderCreatedEventId(order.order_id);
  const message: OutboxMessage = {
    topic: deps.topic,
    key: order.order_id,
    value: payload,
    headers: createRecordHeaders({ messageName: channels.ordersCreated.messageName, eventId, traceparent }),
    eventId,
  };
  const recordBytes = singleRecordBatchBytes(message);
  if (deps.maxRecordBytes !== undefined && recordBytes > deps.maxRecordBytes) {
    // Stored, it could never be published: the broker would refuse it and the relay set it aside.
    throw orderProducerError(
      'ORDER_PRODUCER_ORDER_TOO_LARGE',
      `The order's Kafka record would be ${recordBytes} bytes, above the limit of ${deps.maxRecordBytes} (KAFKA_MAX_MESSAGE_BYTES); split it into smaller orders.`,
      [
        {
          path: '/items',
          message: `the record of ${order.items.length} item(s) would be ${recordBytes} bytes, at most ${deps.maxRecordBytes} are carried`,
        },
      ],
    );
  }
  return deps.store.transaction(async (tx) => {
    if (await insertOrderIfAbsent(tx, order, payload)) {
      await enqueueOutbox(tx, [message]);
      return { outcome: 'created', order, payload };
    }
    const stored = await findOrder(tx, order.order_id);
    if (stored === undefined) throw new Error(`Order ${order.order_id} vanished during its own transaction.`);
    const differences = differingFields(stored.order, request);
    if (differences.length > 0) {
      throw orderProducerError(
        'ORDER_PRODUCER_ORDER_CONFLICT',
        `Order ${order.order_id} already exists with different ${differences.map((entry) => entry.path.slice(1)).join(', ')}; use a new order_id.`,
        differences,
      );
    }
    return { outcome: 'duplicate', order: stored.order, payload: stored.payload };
  });
}
