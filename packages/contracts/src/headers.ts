/** Kafka record header names used on every record of the Order Service (metadata stays out of the payload). */
export const HEADERS = {
  /** Always `application/json`. */
  contentType: 'content-type',
  /** The message name: `OrderCreated`, `OrderStatusChanged` or `Notification`. */
  messageName: 'x-message-name',
  /** The deterministic event id (see `orderCreatedEventId`, `statusChangedEventId`, `notificationId`). */
  eventId: 'x-event-id',
  /** W3C trace context, when the producer has one. */
  traceparent: 'traceparent',
} as const;

/** The content type of every record value. */
export const CONTENT_TYPE = 'application/json';

/** Builds the headers of a record: content type, message name, event id and optional traceparent. */
export function createRecordHeaders(options: {
  messageName: string;
  eventId: string;
  traceparent?: string | undefined;
}): Record<string, string> {
  const headers: Record<string, string> = {
    [HEADERS.contentType]: CONTENT_TYPE,
    [HEADERS.messageName]: options.messageName,
    [HEADERS.eventId]: options.eventId,
  };
  if (options.traceparent) headers[HEADERS.traceparent] = options.traceparent;
  return headers;
}
