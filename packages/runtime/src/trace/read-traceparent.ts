import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZEROS = /^0+$/;

/**
 * The W3C `traceparent` of a request or record, or null when absent or malformed (version `ff`,
 * an all-zero trace or span id): a malformed one is dropped rather than carried into every
 * downstream record.
 */
export function readTraceparent(value: unknown): string | null {
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  if (typeof text !== 'string') return null;
  const match = TRACEPARENT.exec(text.trim());
  if (
    match === null ||
    match[1] === 'ff' ||
    ALL_ZEROS.test(match[2] ?? '') ||
    ALL_ZEROS.test(match[3] ?? '')
  ) {
    return null;
  }
  return match[0];
}

/**
 * A `traceparent` for what this service writes next: the parent's trace with a new span id, or a
 * new sampled trace when there is no valid parent.
 */
export function childTraceparent(parent: unknown): string {
  const spanId = randomBytes(8).toString('hex');
  const valid = readTraceparent(parent);
  if (valid === null) return `00-${randomBytes(16).toString('hex')}-${spanId}-01`;
  const [, traceId, , flags] = valid.split('-');
  return `00-${traceId}-${spanId}-${flags}`;
}
