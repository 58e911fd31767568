import type { Violation } from '@order-service/contracts';
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

/** A summary plus the ids accepted now (to follow their publication). */
export interface SendSummaryWithIds extends SendSummary {
  acceptedIds: string[];
}

/** What became of one order handed to the service (a store fault or an unreachable service throws instead). */
export type SubmitOutcome =
  | { kind: 'accepted'; orderId: string | undefined }
  | { kind: 'duplicate' }
  | { kind: 'rejected'; code: string; message: string; violations?: Violation[] | undefined };

/** Hands one parsed order to the service: its store directly, or its `POST /orders`. */
export type SubmitOrder = (order: unknown, line: number) => Promise<SubmitOutcome>;

const maxRejectionsListed = 100;

/**
 * The one `send` loop: each document in order, a line that is not JSON rejected here, every other
 * one given to `submit`; a thrown error stops the run, so an order not taken is never counted.
 */
export async function sendEach(
  documents: AsyncIterable<OrderDocument>,
  submit: SubmitOrder,
  onProgress: (summary: SendSummary) => void = () => undefined,
): Promise<SendSummaryWithIds> {
  const summary: SendSummaryWithIds = {
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    rejections: [],
    acceptedIds: [],
  };
  const reject = (rejection: Rejection) => {
    summary.rejected += 1;
    if (summary.rejections.length < maxRejectionsListed) summary.rejections.push(rejection);
  };
  for await (const document of documents) {
    if (!document.ok) {
      reject({ line: document.line, code: 'ORDER_PRODUCER_INVALID_ORDER', message: document.reason });
    } else {
      const outcome = await submit(document.value, document.line);
      if (outcome.kind === 'accepted') {
        summary.accepted += 1;
        if (outcome.orderId !== undefined) summary.acceptedIds.push(outcome.orderId);
      } else if (outcome.kind === 'duplicate') {
        summary.duplicates += 1;
      } else {
        reject({
          line: document.line,
          ...orderIdOf(document.value),
          code: outcome.code,
          message: outcome.message,
          ...(outcome.violations === undefined ? {} : { violations: outcome.violations }),
        });
      }
    }
    onProgress(summary);
  }
  return summary;
}
