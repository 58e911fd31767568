import type { Metrics } from '@order-service/runtime';
import { Counter, Gauge } from 'prom-client';

/** The notifier's own Prometheus metrics, registered beside the runtime's. */
export interface NotifierMetrics {
  notificationsCreated: Counter<'status'>;
  statusEvents: Counter<'outcome'>;
  deliveries: Counter<'channel' | 'result'>;
  liveClients: Gauge;
}

/** Registers the notifier's metrics in the app registry. */
export function createNotifierMetrics(metrics: Metrics): NotifierMetrics {
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
  };
}
