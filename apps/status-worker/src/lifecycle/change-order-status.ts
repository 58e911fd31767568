import { allowedTransitions, classifyTransition, type OrderStatus } from '@order-service/contracts';
import type { Store } from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';
import { findOrderForUpdate } from '../store/order-queries.ts';
import { withStoreErrors } from '../store/with-store-errors.ts';
import { recordStatusChange } from './record-status-change.ts';

/** A request to move an order to a status, from the HTTP API. */
export interface StatusChangeRequest {
  orderId: string;
  status: OrderStatus;
  comment: string | null;
  traceparent: string | null;
}

/** The order's status once the request was applied (or found already applied). */
export interface StatusChangeResult {
  orderId: string;
  status: OrderStatus;
  updatedAt: string;
  /** False when the order already had the requested status: nothing was written or published. */
  changed: boolean;
}

/** What {@link changeOrderStatus} needs. */
export interface ChangeOrderStatusDeps {
  store: Store;
  statusTopic: string;
  now: () => Date;
}

/**
 * Applies the lifecycle to one requested change. The order's row is locked for the whole
 * transaction, so of two racing requests from the same status the second sees the first's result:
 * it becomes a repeat, a later step, or a forbidden transition, never a second change from the
 * same previous status.
 */
export function changeOrderStatus(
  deps: ChangeOrderStatusDeps,
  request: StatusChangeRequest,
): Promise<StatusChangeResult> {
  return withStoreErrors('changing an order status', () =>
    deps.store.transaction(async (tx) => {
      const order = await findOrderForUpdate(tx, request.orderId);
      if (order === undefined) {
        throw new StatusWorkerError(
          'STATUS_WORKER_ORDER_NOT_FOUND',
          `No order "${request.orderId}" has been received; check the order_id.`,
          { details: { order_id: request.orderId } },
        );
      }
      const kind = classifyTransition(order.status, request.status);
      if (kind === 'repeat') {
        return { orderId: order.orderId, status: order.status, updatedAt: order.updatedAt, changed: false };
      }
      if (kind === 'forbidden') {
        const allowed = allowedTransitions(order.status);
        const choice =
          allowed.length === 0 ? 'it is final and cannot change' : `allowed: ${allowed.join(', ')}`;
        throw new StatusWorkerError(
          'STATUS_WORKER_TRANSITION_FORBIDDEN',
          `Order ${order.orderId} is ${order.status}; it cannot move to ${request.status} (${choice}).`,
          {
            details: { order_id: order.orderId, current_status: order.status, allowed: [...allowed] },
            violations: [
              {
                path: '/status',
                message: `${order.status} -> ${request.status} is not allowed; ${choice}`,
                value: request.status,
              },
            ],
          },
        );
      }
      const at = deps.now().toISOString();
      await recordStatusChange(tx, deps.statusTopic, order, {
        to: request.status,
        at,
        comment: request.comment,
        traceparent: request.traceparent,
      });
      return { orderId: order.orderId, status: request.status, updatedAt: at, changed: true };
    }),
  );
}
