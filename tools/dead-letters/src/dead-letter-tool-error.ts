import { defineErrorCatalog, type ErrorCode, ServiceError } from '@order-service/runtime';

/** Every way the dead-letter tool can fail, each with whether trying again may help. */
export const deadLetterToolErrorCodes = defineErrorCatalog('DEAD_LETTERS', {
  DEAD_LETTERS_USAGE: {
    retryable: false,
    description: 'The command line is wrong; the message says what to type.',
  },
  DEAD_LETTERS_NOT_FOUND: {
    retryable: false,
    description: 'The record asked for by `show` is not on the topic (or no longer: retention).',
  },
  DEAD_LETTERS_KAFKA_FAILED: {
    retryable: true,
    description: 'The broker did not answer or refused a request.',
  },
});

/** A code of {@link DeadLetterToolError}. */
export type DeadLetterToolErrorCode = ErrorCode<typeof deadLetterToolErrorCodes>;

const brand = Symbol.for('@order-service/dead-letters/error');

/** A failure of the dead-letter tool (a ServiceError of the runtime's one error model). */
export class DeadLetterToolError extends ServiceError {
  readonly [brand] = true;
  declare readonly code: DeadLetterToolErrorCode;

  constructor(code: DeadLetterToolErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(deadLetterToolErrorCodes[code], message, options);
    this.name = 'DeadLetterToolError';
  }

  /** True for a DeadLetterToolError from any copy of this package (no `instanceof` across versions). */
  static override isInstance(error: unknown): error is DeadLetterToolError {
    return typeof error === 'object' && error !== null && brand in error;
  }
}
