import type { Metrics } from '@order-service/runtime';
import { Counter, Gauge } from 'prom-client';

/** The notifier's own Prometheus metrics, registered beside the runtime's. */
export interface NotifierMetrics {
  notificationsCreated: Counter<'status'>;
  statusEvents: Counter<'outcome'>;
  deliveries: Counter<'channel' | 'result'>;
  liveClients: Gauge;
  pendingStatusEvents: Gauge;
}

/**
 * Registers the notifier's metrics in the app registry. `countPendingStatusEvents` is read at
 * each scrape: changes waiting for their order should drain to zero, and one that stays means its
 * order never arrived (for example it went to the dead-letter topic).
 */
export function createNotifierMetrics(
  metrics: Metrics,
  countPendingStatusEvents: () => Promise<number>,
): NotifierMetrics {
  const registers = [metrics.registry];
  return {
    notificationsCreated: new Counter({
      name: 'notifier_notifications_created_total',
      help: 'Notifications stored and queued for publication, by order status.',
      labelNames: ['status'] as const,
      registers,
    }),
    statusEvents: new Counter({
      name: 'notifier_status_events_total',
      help: 'Status changes received, by outcome (notified, pending until the order arrives, duplicate).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    deliveries: new Counter({
      name: 'notifier_delivery_attempts_total',
      help: 'Delivery attempts, by channel and result (delivered, retry, dead-letter).',
      labelNames: ['channel', 'result'] as const,
      registers,
    }),
    liveClients: new Gauge({
      name: 'notifier_live_page_clients',
      help: 'Browsers connected to GET /events.',
      registers,
    }),
    pendingStatusEvents: new Gauge({
      name: 'notifier_pending_status_events',
      help: 'Status changes stored while waiting for their order to arrive on orders.created.',
      registers,
      async collect() {
        this.set(await countPendingStatusEvents());
      },
    }),
  };
}
