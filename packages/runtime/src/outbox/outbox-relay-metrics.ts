import { Counter, Gauge, type Registry } from 'prom-client';

/** The relay's own metrics beyond the shared ones in `Metrics`. */
export interface OutboxRelayMetrics {
  /** Rows the broker refuses even alone, waiting for an operator (counted in the table). */
  setAsideMessages: Gauge;
  /** Rows set aside since start, by topic. */
  setAsideTotal: Counter<'topic'>;
}

/** Registers (once per registry) and returns the relay's own metrics. */
export function outboxRelayMetrics(registry: Registry): OutboxRelayMetrics {
  const setAsideMessages =
    (registry.getSingleMetric('outbox_set_aside_messages') as Gauge | undefined) ??
    new Gauge({
      name: 'outbox_set_aside_messages',
      help: 'Outbox messages set aside because the broker refuses them even alone (too large, invalid); an operator must act.',
      registers: [registry],
    });
  const setAsideTotal =
    (registry.getSingleMetric('outbox_set_aside_total') as Counter<'topic'> | undefined) ??
    new Counter({
      name: 'outbox_set_aside_total',
      help: 'Outbox messages set aside by this process, by topic.',
      labelNames: ['topic'] as const,
      registers: [registry],
    });
  return { setAsideMessages, setAsideTotal };
}
