import type { OrderStatus } from '@order-service/contracts';
import { enqueueOutbox, type Queryable } from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';
import { appendStatusHistory, updateOrderStatus } from '../store/order-queries.ts';
import type { OrderRecord } from '../store/order-record.ts';
import { buildStatusChangedMessage } from './status-changed-message.ts';

/** A change the caller has already checked against the lifecycle. */
export interface CheckedChange {
  to: OrderStatus;
  at: string;
  comment: string | null;
  traceparent: string | null;
}

/**
 * Writes one status change inside the caller's transaction: the order's new status, its history
 * entry and the outbox row that will publish it. All three commit together or not at all, which is
 * what makes the publication exactly once. The caller holds the order's row lock.
 */
export async function recordStatusChange(
  tx: Queryable,
  statusTopic: string,
  order: OrderRecord,
  change: CheckedChange,
): Promise<void> {
  const message = buildStatusChangedMessage(statusTopic, {
    orderId: order.orderId,
    status: change.to,
    updatedAt: change.at,
    comment: change.comment,
    traceparent: change.traceparent,
  });
  const write = {
    orderId: order.orderId,
    status: change.to,
    at: change.at,
    comment: change.comment,
    eventId: message.eventId,
  };
  const updated = await updateOrderStatus(tx, write, order.version);
  if (!updated) {
    throw new StatusWorkerError(
      'STATUS_WORKER_CONCURRENT_UPDATE',
      `Order ${order.orderId} changed while it was being moved to ${change.to}; repeat the request.`,
      { details: { order_id: order.orderId, status: change.to } },
    );
  }
  await appendStatusHistory(tx, write);
  await enqueueOutbox(tx, [message]);
}
