import { decodeOrder, decodeOrderStatusChanged, HEADERS } from '@order-service/contracts';
import { NotifierError } from '../notifier-error.ts';
import type { NotificationProcessor, ProcessOutcome, ProcessorEvent } from './notification-processor.ts';
import { firstHeader, type RecordHeaders, resolveStatusEventId } from './resolve-status-event-id.ts';

/** The parts of a consumed record the notifier reads (a subset of the runtime's ConsumedRecord; tests pass plain objects). */
export interface IncomingRecord {
  topic: string;
  value: Buffer | string | null;
  headers?: RecordHeaders | undefined;
}

/** The topics the notifier reads. */
export interface NotifierTopics {
  ordersCreated: string;
  ordersStatus: string;
}

/**
 * Decodes a record into the processor's event, with the contracts package. A record that does
 * not decode raises a non-retryable error, which the consumer runner turns into a record on
 * `<topic>.dlq` with the reason in its headers.
 */
export function toProcessorEvent(record: IncomingRecord, topics: NotifierTopics): ProcessorEvent {
  if (record.topic === topics.ordersCreated) {
    const decoded = decodeOrder(record.value);
    if (!decoded.ok) {
      throw new NotifierError('NOTIFIER_RECORD_UNDECODABLE', decoded.error.message, {
        cause: decoded.error,
      });
    }
    const payload = typeof record.value === 'string' ? record.value : (record.value?.toString('utf8') ?? '');
    return { kind: 'order', order: decoded.value, payload };
  }
  if (record.topic === topics.ordersStatus) {
    const decoded = decodeOrderStatusChanged(record.value);
    if (!decoded.ok) {
      throw new NotifierError('NOTIFIER_RECORD_UNDECODABLE', decoded.error.message, {
        cause: decoded.error,
      });
    }
    const headers = record.headers ?? {};
    return {
      kind: 'status',
      event: {
        change: decoded.value,
        statusEventId: resolveStatusEventId(decoded.value, headers),
        traceparent: firstHeader(headers, HEADERS.traceparent),
      },
    };
  }
  throw new NotifierError(
    'NOTIFIER_RECORD_UNKNOWN_TOPIC',
    `The notifier reads ${topics.ordersCreated} and ${topics.ordersStatus}, not ${record.topic}`,
  );
}

/**
 * Routes a record to the processor by topic, after decoding it; store faults propagate as they
 * are (the runtime classifies them) and are retried without committing.
 */
export function createRecordHandler(processor: NotificationProcessor, topics: NotifierTopics) {
  return async function handleRecord(record: IncomingRecord): Promise<ProcessOutcome> {
    const event = toProcessorEvent(record, topics);
    return event.kind === 'order'
      ? processor.receiveOrder(event.order, event.payload)
      : processor.receiveStatusChange(event.event);
  };
}

/**
 * The batch form of {@link createRecordHandler}: decodes every record, then hands them to the
 * processor in one transaction. Outcomes come back in record order.
 */
export function createBatchHandler(processor: NotificationProcessor, topics: NotifierTopics) {
  return async function handleBatch(records: readonly IncomingRecord[]): Promise<ProcessOutcome[]> {
    return processor.receiveBatch(records.map((record) => toProcessorEvent(record, topics)));
  };
}
