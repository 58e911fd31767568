import { defineErrorCatalog, type ErrorCode, ServiceError } from '@order-service/runtime';

/**
 * The notifier's one error catalog. Each code says whether a retry can help, so the consumer
 * runner can choose between "pause and retry" and "dead-letter and move on", and the delivery
 * worker between "try again later" and "give up now".
 */
export const notifierErrorCatalog = defineErrorCatalog('NOTIFIER', {
  NOTIFIER_CONFIG_INVALID: {
    retryable: false,
    description: 'The configuration cannot work (for example the webhook channel without WEBHOOK_URL).',
  },
  NOTIFIER_RECORD_UNDECODABLE: {
    retryable: false,
    description: 'A record on orders.created or orders.status breaks the contract; it goes to <topic>.dlq.',
  },
  NOTIFIER_RECORD_UNKNOWN_TOPIC: {
    retryable: false,
    description: 'A record came from a topic the notifier does not read; it goes to <topic>.dlq.',
  },
  NOTIFIER_WEBHOOK_TIMEOUT: {
    retryable: true,
    description: 'The webhook receiver did not answer within WEBHOOK_TIMEOUT_MS.',
  },
  NOTIFIER_WEBHOOK_UNREACHABLE: {
    retryable: true,
    description: 'The webhook receiver could not be reached (connection refused, DNS, reset).',
  },
  NOTIFIER_WEBHOOK_SERVER_ERROR: {
    retryable: true,
    description: 'The webhook receiver answered 5xx, 408, 425 or 429.',
  },
  NOTIFIER_WEBHOOK_REJECTED: {
    retryable: false,
    description: 'The webhook receiver answered another 4xx: repeating the same request cannot help.',
  },
  NOTIFIER_DELIVERY_FAILED: {
    retryable: true,
    fault: 'unknown',
    description: 'A channel failed in a way it did not classify; retried within the delivery attempts.',
  },
});

/** One of the notifier's error codes. */
export type NotifierErrorCode = ErrorCode<typeof notifierErrorCatalog>;

const brand = Symbol.for('@order-service/notifier/error');

/** An error of the notifier: a ServiceError with a code of {@link notifierErrorCatalog}. */
export class NotifierError extends ServiceError {
  readonly [brand] = true;
  declare readonly code: NotifierErrorCode;

  constructor(code: NotifierErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(notifierErrorCatalog[code], message, options);
    this.name = 'NotifierError';
  }

  /** Recognises a NotifierError even across copies of this package (no `instanceof`). */
  static override isInstance(value: unknown): value is NotifierError {
    return typeof value === 'object' && value !== null && brand in value;
  }
}
