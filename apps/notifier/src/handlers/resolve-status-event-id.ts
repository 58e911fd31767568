import { HEADERS, type OrderStatusChanged, statusChangedEventId } from '@order-service/contracts';

/** Record headers as kafkajs hands them over (values may be Buffers, strings, arrays or absent). */
export type RecordHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** The first value of a header as text, or undefined when absent or blank. */
export function firstHeader(headers: RecordHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  const text = (typeof value === 'string' ? value : value.toString('utf8')).trim();
  return text === '' ? undefined : text;
}

/**
 * The id of a status event: the producer's `x-event-id` header when present, otherwise the id the
 * contracts derive from (order_id, status) — the same one status-worker puts in the header, since a
 * status is reached at most once per order. Either way a redelivered record yields the same id.
 */
export function resolveStatusEventId(change: OrderStatusChanged, headers: RecordHeaders): string {
  return firstHeader(headers, HEADERS.eventId) ?? statusChangedEventId(change.order_id, change.status);
}
