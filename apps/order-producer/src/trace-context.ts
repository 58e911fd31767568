import { randomBytes } from 'node:crypto';

const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * A W3C `traceparent` for the record: continues the caller's trace (same trace id, new span id)
 * when the request carried a valid one, otherwise starts a new sampled trace.
 */
export function childTraceparent(incoming: string | undefined): string {
  const spanId = randomBytes(8).toString('hex');
  const match = incoming === undefined ? null : traceparentPattern.exec(incoming.trim());
  const traceId = match?.[1];
  if (match !== null && traceId !== undefined && !/^0+$/.test(traceId) && !/^0+$/.test(match[2] ?? '')) {
    return `00-${traceId}-${spanId}-${match[3]}`;
  }
  return `00-${randomBytes(16).toString('hex')}-${spanId}-01`;
}
