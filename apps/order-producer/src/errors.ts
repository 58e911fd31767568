import { defineErrorCatalog, type ErrorCode, type ErrorViolation, HttpError } from '@order-service/runtime';

/** order-producer's own error codes: HTTP status, whether retrying may help, and when. */
export const orderProducerErrors = defineErrorCatalog('ORDER_PRODUCER', {
  ORDER_PRODUCER_INVALID_ORDER: {
    httpStatus: 400,
    retryable: false,
    description: 'The body breaks the schema or the business rules; every violation is listed.',
  },
  ORDER_PRODUCER_ORDER_NOT_FOUND: { httpStatus: 404, retryable: false, description: 'No order has this id.' },
  ORDER_PRODUCER_ORDER_CONFLICT: {
    httpStatus: 409,
    retryable: false,
    description: 'The order id exists with different content; the violations name the differing fields.',
  },
  ORDER_PRODUCER_ORDER_TOO_LARGE: {
    httpStatus: 413,
    retryable: false,
    description: "The order's Kafka record would exceed KAFKA_MAX_MESSAGE_BYTES; nothing is stored.",
  },
});

/** One of order-producer's error codes. */
export type OrderProducerErrorCode = ErrorCode<typeof orderProducerErrors>;

/** Creates the HTTP error (a ServiceError with the catalog's status) of a catalog code. */
export function orderProducerError(
  code: OrderProducerErrorCode,
  message: string,
  violations?: readonly ErrorViolation[],
): HttpError {
  const entry = orderProducerErrors[code];
  return new HttpError(entry.httpStatus, code, message, {
    retryable: entry.retryable,
    ...(violations === undefined ? {} : { violations }),
  });
}
