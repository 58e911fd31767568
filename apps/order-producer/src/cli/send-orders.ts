import type { Violation } from '@order-service/contracts';
import { HttpError, toViolations } from '@order-service/runtime';
import { Value } from 'typebox/value';
import { type AcceptOrderDeps, acceptOrder } from '../accept-order.ts';
import { CreateOrderRequest } from '../order-request.ts';
import { childTraceparent } from '../trace-context.ts';
import { orderIdOf } from './order-id-of.ts';
import type { OrderDocument } from './read-order-documents.ts';

/** Why one input order was refused. */
export interface Rejection {
  line: number;
  order_id?: string;
  code: string;
  message: string;
  violations?: Violation[];
}

/** The tally of a `send` run. */
export interface SendSummary {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first `maxRejectionsListed` rejections with their reasons. */
  rejections: Rejection[];
}

const maxRejectionsListed = 100;

/**
 * Sends each document through the same validation and store path as `POST /orders` (schema,
 * business rules, idempotency, order + outbox in one transaction). Store faults stop the run:
 * an order the store did not take must not be reported as accepted.
 */
export async function sendOrders(
  documents: AsyncIterable<OrderDocument>,
  deps: AcceptOrderDeps,
  onProgress: (summary: SendSummary) => void = () => undefined,
): Promise<SendSummary> {
  const summary: SendSummary = { accepted: 0, duplicates: 0, rejected: 0, rejections: [] };
  const reject = (rejection: Rejection) => {
    summary.rejected += 1;
    if (summary.rejections.length < maxRejectionsListed) summary.rejections.push(rejection);
  };
  for await (const document of documents) {
    if (!document.ok) {
      reject({ line: document.line, code: 'ORDER_PRODUCER_INVALID_ORDER', message: document.reason });
    } else if (!Value.Check(CreateOrderRequest, document.value)) {
      reject({
        line: document.line,
        ...orderIdOf(document.value),
        code: 'ORDER_PRODUCER_INVALID_ORDER',
        message: 'The order breaks the request schema; see violations.',
        violations: toViolations(Value.Errors(CreateOrderRequest, document.value), document.value),
      });
    } else {
      try {
        const accepted = await acceptOrder(deps, document.value, childTraceparent(undefined));
        if (accepted.outcome === 'created') summary.accepted += 1;
        else summary.duplicates += 1;
      } catch (error) {
        if (!HttpError.isInstance(error) || error.statusCode >= 500) throw error;
        reject({
          line: document.line,
          ...orderIdOf(document.value),
          code: error.code,
          message: error.message,
          ...(error.violations === undefined ? {} : { violations: error.violations }),
        });
      }
    }
    onProgress(summary);
  }
  return summary;
}
