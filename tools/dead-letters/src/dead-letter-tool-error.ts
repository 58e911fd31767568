const marker = Symbol.for('order-service.dead-letters.error');

/** Every way the dead-letter tool can fail, each with whether trying again may help. */
export const deadLetterToolErrorCodes = {
  /** The command line is wrong; the message says what to type. */
  DEAD_LETTERS_USAGE: { retryable: false },
  /** The record asked for by `show` is not on the topic (or no longer: retention). */
  DEAD_LETTERS_NOT_FOUND: { retryable: false },
  /** The broker did not answer or refused a request. */
  DEAD_LETTERS_KAFKA_FAILED: { retryable: true },
} as const;

/** A code of {@link DeadLetterToolError}. */
export type DeadLetterToolErrorCode = keyof typeof deadLetterToolErrorCodes;

/** A failure of the dead-letter tool; the message says what to do about it. */
export class DeadLetterToolError extends Error {
  readonly code: DeadLetterToolErrorCode;
  readonly retryable: boolean;
  readonly [marker] = true;

  constructor(code: DeadLetterToolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeadLetterToolError';
    this.code = code;
    this.retryable = deadLetterToolErrorCodes[code].retryable;
  }

  /** True for a DeadLetterToolError from any copy of this package (no `instanceof` across versions). */
  static isInstance(error: unknown): error is DeadLetterToolError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
