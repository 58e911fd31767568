import type { OrderStatus } from '@order-service/contracts';
import { Counter, type Registry } from 'prom-client';
import type { ReceiveOutcome } from './handlers/receive-order.ts';

/** The status-worker's own Prometheus series, registered on the app's registry. */
export interface StatusWorkerMetrics {
  /** One received orders.created record, by what became of it (incl. `undecodable`, `conflict`). */
  orderReceived(outcome: ReceiveOutcome | 'undecodable' | 'conflict'): void;
  /** One committed status change, by status and by what caused it. */
  statusChanged(status: OrderStatus, source: 'intake' | 'http'): void;
}

/** Registers the status-worker's counters on `registry`. */
export function createStatusWorkerMetrics(registry: Registry): StatusWorkerMetrics {
  const received = new Counter({
    name: 'status_worker_orders_received_total',
    help: 'orders.created records handled, by outcome: accepted, cancelled, duplicate, redelivered, conflict, undecodable',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const changed = new Counter({
    name: 'status_worker_status_changes_total',
    help: 'Committed status changes (each publishes one OrderStatusChanged), by status and source',
    labelNames: ['status', 'source'],
    registers: [registry],
  });
  return {
    orderReceived: (outcome) => received.inc({ outcome }),
    statusChanged: (status, source) => changed.inc({ status, source }),
  };
}
