/** One broken rule of a message: where (JSON pointer), what to fix, and the offending value. */
export interface Violation {
  /** JSON pointer (RFC 6901) into the message, `''` for the message itself, e.g. `/items/0/quantity`. */
  readonly path: string;
  /** What is wrong and what is expected, e.g. `must be an integer >= 1, got 0`. */
  readonly message: string;
  /** The offending value, absent when the value is missing. */
  readonly value?: unknown;
}

/** Formats violations as one line each: `/items/0/quantity must be an integer >= 1, got 0`. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((violation) => `${violation.path || '(message)'} ${violation.message}`).join('; ');
}
