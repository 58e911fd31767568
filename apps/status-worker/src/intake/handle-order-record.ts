import type { Logger } from '@order-service/runtime';
import { StatusWorkerError } from '../errors.ts';
import { readTraceparent } from '../read-traceparent.ts';
import type { StatusWorkerMetrics } from '../status-worker-metrics.ts';
import { type ReceiveOrderDeps, receiveOrder } from './receive-order.ts';

/** The parts of a consumed Kafka record the intake reads. */
export interface OrderCreatedRecord {
  topic: string;
  partition: number;
  message: {
    offset: string;
    value: Buffer | null;
    headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined;
  };
}

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
): (record: OrderCreatedRecord) => Promise<void> {
  return async ({ topic, partition, message }) => {
    const location = { topic, partition, offset: message.offset };
    try {
      const result = await receiveOrder(deps, {
        value: message.value,
        location,
        traceparent: readTraceparent(firstHeader(message.headers?.traceparent)),
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

function firstHeader(value: Buffer | string | (Buffer | string)[] | undefined): Buffer | string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
