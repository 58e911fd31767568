const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The W3C `traceparent` of a request or record, or null when absent or malformed: a malformed one
 * is dropped rather than carried into every downstream record.
 */
export function readTraceparent(value: unknown): string | null {
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  return typeof text === 'string' && TRACEPARENT.test(text) ? text : null;
}
