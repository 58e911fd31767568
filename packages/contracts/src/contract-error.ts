import { formatViolations, type Violation } from './violation.ts';

/** The closed list of error codes of the contracts package; none of them can be fixed by retrying. */
export const CONTRACT_ERROR_CODES = {
  /** The record value is not UTF-8 JSON. */
  CONTRACT_INVALID_JSON: { retryable: false, description: 'The record value is not valid UTF-8 JSON' },
  /** The message breaks the wire schema of its channel. */
  CONTRACT_SCHEMA_VIOLATION: { retryable: false, description: 'The message breaks the wire schema' },
  /** The message passes the wire schema but breaks a producer business rule. */
  CONTRACT_RULE_VIOLATION: { retryable: false, description: 'The message breaks a business rule' },
  /** The message passes the wire schema but holds a value the system cannot store or carry (see checkCarriableOrder). */
  CONTRACT_UNSUPPORTED_VALUE: {
    retryable: false,
    description: 'The message holds a value the system cannot store or carry',
  },
} as const;

/** A code of {@link CONTRACT_ERROR_CODES}. */
export type ContractErrorCode = keyof typeof CONTRACT_ERROR_CODES;

// Registered symbol: recognised across copies and versions of this package, unlike instanceof.
const marker = Symbol.for('@order-service/contracts.ContractError');

/** A message that breaks the contract; `violations` lists every problem found. */
export class ContractError extends Error {
  /** Brand checked by isInstance(). */
  readonly [marker] = true;
  override readonly name = 'ContractError';
  /** The error code, one of {@link CONTRACT_ERROR_CODES}. */
  readonly code: ContractErrorCode;
  /** The message name checked, e.g. `OrderCreated`. */
  readonly messageName: string;
  /** Every violation found (JSON pointer, what to fix, offending value). */
  readonly violations: readonly Violation[];
  /** Always false: a message that breaks the contract stays broken (dead-letter it). */
  readonly retryable = false;

  /** Creates the error; the message lists every violation. */
  constructor(options: {
    code: ContractErrorCode;
    messageName: string;
    violations: readonly Violation[];
    cause?: unknown;
  }) {
    super(`${options.messageName} breaks the contract: ${formatViolations(options.violations)}`, {
      cause: options.cause,
    });
    this.code = options.code;
    this.messageName = options.messageName;
    this.violations = options.violations;
  }

  /** True when `error` is a ContractError, from any copy or version of this package. */
  static isInstance(error: unknown): error is ContractError {
    return typeof error === 'object' && error !== null && marker in error && error[marker] === true;
  }
}
