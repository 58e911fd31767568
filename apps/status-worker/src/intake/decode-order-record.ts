import { decodeOrder, formatViolations, type Order } from '@order-service/contracts';
import { StatusWorkerError } from '../errors.ts';
import type { RecordLocation } from '../store/order-record.ts';

/**
 * Decodes the value of an orders.created record with the contracts package. A record that is
 * empty, not JSON or breaks the wire schema can never succeed on a retry: it fails with the
 * non-retryable STATUS_WORKER_ORDER_UNDECODABLE, which the consumer sends to the dead-letter topic.
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
  if (decoded.ok) return decoded.value;
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
