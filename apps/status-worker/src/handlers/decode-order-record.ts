import {
  checkCarriableOrder,
  decodeOrder,
  formatViolations,
  type Order,
  unsupportedValueError,
} from '@order-service/contracts';
import { StatusWorkerError } from '../errors.ts';
import type { RecordLocation } from '../store/order-record.ts';

/**
 * Decodes the value of an orders.created record with the contracts package. A record that is
 * empty, not JSON or breaks the wire schema can never succeed on a retry: it fails with the
 * non-retryable STATUS_WORKER_ORDER_UNDECODABLE, which the consumer sends to the dead-letter topic.
 * So does an order the wire schema allows but no store can hold (U+0000 or another control
 * character in an id, an unpaired surrogate, an id past 200 characters, a date-time outside years
 * 0001-9999 UTC): its cause is a ContractError with the code CONTRACT_UNSUPPORTED_VALUE, and it is
 * refused before the transaction, so it can never fail a whole batch as a "store error".
 */
export function decodeOrderRecord(value: Buffer | null, location: RecordLocation): Order {
  if (value === null || value.length === 0) {
    throw new StatusWorkerError(
      'STATUS_WORKER_ORDER_UNDECODABLE',
      `Record ${describe(location)} has no value; an OrderCreated record carries the order as JSON.`,
      { details: { ...location } },
    );
  }
  const decoded = decodeOrder(value);
  if (decoded.ok) {
    const violations = checkCarriableOrder(decoded.value);
    if (violations.length === 0) return decoded.value;
    const error = unsupportedValueError('OrderCreated', violations);
    throw new StatusWorkerError(
      'STATUS_WORKER_ORDER_UNDECODABLE',
      `Record ${describe(location)} holds an OrderCreated the system cannot store or carry: ${formatViolations(violations)}`,
      { details: { ...location, violations }, cause: error },
    );
  }
  const violations = decoded.error.violations;
  const summary = formatViolations(violations);
  throw new StatusWorkerError(
    'STATUS_WORKER_ORDER_UNDECODABLE',
    `Record ${describe(location)} is not a valid OrderCreated: ${summary || decoded.error.message}`,
    { details: { ...location, violations }, cause: decoded.error },
  );
}

function describe(location: RecordLocation): string {
  return `${location.topic}/${location.partition}@${location.offset}`;
}
