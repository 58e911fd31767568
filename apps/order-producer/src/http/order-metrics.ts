import { Counter, type Registry } from '@order-service/runtime';

/** order-producer's domain counters. */
export interface OrderMetrics {
  accepted: Counter;
  duplicates: Counter;
  rejected: Counter<'code'>;
}

/** Registers the order counters on the app's registry. */
export function createOrderMetrics(registry: Registry): OrderMetrics {
  return {
    accepted: new Counter({
      name: 'orders_accepted_total',
      help: 'Orders stored and queued for publication.',
      registers: [registry],
    }),
    duplicates: new Counter({
      name: 'orders_duplicate_total',
      help: 'Repeated orders answered with the stored order (nothing published).',
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'orders_rejected_total',
      help: 'Orders refused, by error code (invalid, conflict, too large, ...).',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
  };
}
