import { HttpError, type Violation } from '@order-service/runtime';

/** order-producer's own error codes: HTTP status, whether retrying may help, and when. */
export const orderProducerErrors = {
  ORDER_PRODUCER_INVALID_ORDER: {
    status: 400,
    retryable: false,
    description: 'The body breaks the schema or the business rules; every violation is listed.',
  },
  ORDER_PRODUCER_ORDER_NOT_FOUND: { status: 404, retryable: false, description: 'No order has this id.' },
  ORDER_PRODUCER_ORDER_CONFLICT: {
    status: 409,
    retryable: false,
    description: 'The order id exists with different content; the violations name the differing fields.',
  },
} as const satisfies Record<string, { status: number; retryable: boolean; description: string }>;

/** One of order-producer's error codes. */
export type OrderProducerErrorCode = keyof typeof orderProducerErrors;

/** Creates the HTTP error of a catalog code. */
export function orderProducerError(
  code: OrderProducerErrorCode,
  message: string,
  violations?: Violation[],
): HttpError {
  const entry = orderProducerErrors[code];
  return new HttpError(entry.status, code, message, {
    retryable: entry.retryable,
    ...(violations === undefined ? {} : { violations }),
  });
}
