/** Kafka error types meaning "this record (or batch) can never be accepted as it is". */
const refusedTypes = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

/**
 * The broker's error type when `error` (or an error in its `cause` chain, as kafkajs wraps them)
 * says the records themselves are refused -- larger than the topic's `max.message.bytes`, or
 * invalid -- rather than the broker being unreachable; undefined otherwise.
 */
export function recordRefusedType(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string' && refusedTypes.has(type)) return type;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
