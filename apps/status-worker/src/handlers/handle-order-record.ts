import { type ConsumedRecord, type Logger, readTraceparent } from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';
import type { StatusWorkerMetrics } from '../status-worker-metrics.ts';
import {
  type ReceivedRecord,
  type ReceiveOrderDeps,
  type ReceiveResult,
  receiveOrder,
  receiveOrders,
} from './receive-order.ts';

/** What {@link createOrderRecordHandler} needs. */
export interface OrderRecordHandlerDeps extends ReceiveOrderDeps {
  metrics: StatusWorkerMetrics;
  logger: Logger;
}

/**
 * The consumer's per-record handler for orders.created: runs the intake, counts and logs what
 * became of the record, and lets typed errors through for the consumer runner to act on
 * (retryable -> no commit, retry with backoff; not retryable -> dead-letter topic, then commit).
 */
export function createOrderRecordHandler(
  deps: OrderRecordHandlerDeps,
): (record: ConsumedRecord) => Promise<void> {
  return async (record) => {
    const received = toReceivedRecord(record);
    try {
      report(deps, received, await receiveOrder(deps, received));
    } catch (error) {
      if (StatusWorkerError.isInstance(error) && error.code === 'STATUS_WORKER_ORDER_UNDECODABLE') {
        deps.metrics.orderReceived('undecodable');
      } else if (
        StatusWorkerError.isInstance(error) &&
        error.code === 'STATUS_WORKER_DUPLICATE_ORDER_CONFLICT'
      ) {
        deps.metrics.orderReceived('conflict');
        deps.logger.warn(
          { ...received.location, ...error.details },
          'duplicate order with different content',
        );
      }
      throw error;
    }
  };
}

/**
 * The consumer's batch handler: receives the records of one partition chunk in one store
 * transaction. Errors go to the consumer runner as they are; on a non-retryable one it replays the
 * records through the per-record handler, which counts and dead-letters the culprit.
 */
export function createOrderBatchHandler(
  deps: OrderRecordHandlerDeps,
): (records: readonly ConsumedRecord[]) => Promise<void> {
  return async (records) => {
    const received = records.map(toReceivedRecord);
    const results = await receiveOrders(deps, received);
    for (const [index, result] of results.entries()) {
      const record = received[index];
      if (record !== undefined) report(deps, record, result);
    }
  };
}

function toReceivedRecord(record: ConsumedRecord): ReceivedRecord {
  return {
    value: record.value,
    location: { topic: record.topic, partition: record.partition, offset: record.offset },
    traceparent: readTraceparent(record.headers.traceparent),
  };
}

// Counts and logs what became of a record, once its transaction committed.
function report(deps: OrderRecordHandlerDeps, record: ReceivedRecord, result: ReceiveResult): void {
  deps.metrics.orderReceived(result.outcome);
  if (result.outcome === 'accepted' || result.outcome === 'cancelled') {
    deps.metrics.statusChanged(result.status, 'intake');
    deps.logger.debug(
      { ...record.location, order_id: result.orderId, status: result.status },
      'order received',
    );
  } else if (result.outcome === 'duplicate') {
    deps.logger.warn({ ...record.location, order_id: result.orderId }, 'duplicate order ignored');
  }
}
