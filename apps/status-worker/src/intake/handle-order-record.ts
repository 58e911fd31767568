import type { ConsumedRecord, Logger } from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';
import { readTraceparent } from '../read-traceparent.ts';
import type { StatusWorkerMetrics } from '../status-worker-metrics.ts';
import { type ReceiveOrderDeps, receiveOrder } from './receive-order.ts';

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
    const location = { topic: record.topic, partition: record.partition, offset: record.offset };
    try {
      const result = await receiveOrder(deps, {
        value: record.value,
        location,
        traceparent: readTraceparent(record.headers.traceparent),
      });
      deps.metrics.orderReceived(result.outcome);
      if (result.outcome === 'accepted' || result.outcome === 'cancelled') {
        deps.metrics.statusChanged(result.status, 'intake');
        deps.logger.debug({ ...location, order_id: result.orderId, status: result.status }, 'order received');
      } else if (result.outcome === 'duplicate') {
        deps.logger.warn({ ...location, order_id: result.orderId }, 'duplicate order ignored');
      }
    } catch (error) {
      if (StatusWorkerError.isInstance(error) && error.code === 'STATUS_WORKER_ORDER_UNDECODABLE') {
        deps.metrics.orderReceived('undecodable');
      } else if (
        StatusWorkerError.isInstance(error) &&
        error.code === 'STATUS_WORKER_DUPLICATE_ORDER_CONFLICT'
      ) {
        deps.metrics.orderReceived('conflict');
        deps.logger.warn({ ...location, ...error.details }, 'duplicate order with different content');
      }
      throw error;
    }
  };
}
