import { childTraceparent, HttpError, toViolations } from '@order-service/runtime';
import { Value } from 'typebox/value';
import { CreateOrderRequest } from '../http/order-request.ts';
import { type AcceptOrderDeps, acceptOrder } from '../orders/accept-order.ts';
import type { OrderDocument } from './read-order-documents.ts';
import { type SendSummary, type SubmitOrder, sendEach } from './send-each.ts';

export type { Rejection, SendSummary } from './send-each.ts';

/**
 * Submits to the store through the same validation and store path as `POST /orders` (schema,
 * business rules, idempotency, order + outbox in one transaction). A store fault (a 5xx error)
 * throws: an order the store did not take must not be reported as accepted.
 */
export function submitToStore(deps: AcceptOrderDeps): SubmitOrder {
  return async (order) => {
    if (!Value.Check(CreateOrderRequest, order)) {
      return {
        kind: 'rejected',
        code: 'ORDER_PRODUCER_INVALID_ORDER',
        message: 'The order breaks the request schema; see violations.',
        violations: toViolations(Value.Errors(CreateOrderRequest, order), order),
      };
    }
    try {
      const accepted = await acceptOrder(deps, order, childTraceparent(undefined));
      return accepted.outcome === 'created'
        ? { kind: 'accepted', orderId: accepted.order.order_id }
        : { kind: 'duplicate' };
    } catch (error) {
      if (!HttpError.isInstance(error) || error.statusCode >= 500) throw error;
      return { kind: 'rejected', code: error.code, message: error.message, violations: error.violations };
    }
  };
}

/** Sends each document into the store (see {@link submitToStore}). */
export async function sendOrders(
  documents: AsyncIterable<OrderDocument>,
  deps: AcceptOrderDeps,
  onProgress: (summary: SendSummary) => void = () => undefined,
): Promise<SendSummary> {
  const { acceptedIds: _ids, ...summary } = await sendEach(documents, submitToStore(deps), onProgress);
  return summary;
}
