import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The app's Prometheus registry and the metrics the runtime itself updates. */
export interface Metrics {
  /** Apps register their own domain metrics here (`new Counter({ registers: [metrics.registry] })`). */
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status_code'>;
  httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  outboxPending: Gauge;
  outboxOldestPendingAge: Gauge;
  outboxPublished: Counter<'topic'>;
  outboxPublishErrors: Counter;
  consumerRecordsProcessed: Counter<'topic'>;
  consumerRecordsDeadLettered: Counter<'topic' | 'code'>;
  consumerRecordsRetried: Counter<'topic'>;
  /** 1 while a partition is paused because its dead-letter topic cannot be written, else 0. */
  consumerDeadLetterBlocked: Gauge<'topic' | 'partition'>;
  consumerProbeFailures: Counter<'topic'>;
  consumerBatchSplits: Counter<'topic'>;
}

/** Creates a registry labelled `app=<appName>` with process metrics and the shared runtime metrics. */
export function createMetrics(appName: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: appName });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency in seconds.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    outboxPending: new Gauge({
      name: 'outbox_pending_messages',
      help: 'Outbox messages not yet acknowledged by Kafka.',
      registers,
    }),
    outboxOldestPendingAge: new Gauge({
      name: 'outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished outbox message (0 when none).',
      registers,
    }),
    outboxPublished: new Counter({
      name: 'outbox_published_total',
      help: 'Outbox messages acknowledged by Kafka, by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    outboxPublishErrors: new Counter({
      name: 'outbox_publish_errors_total',
      help: 'Failed outbox publish attempts (the messages stay pending and are retried).',
      registers,
    }),
    consumerRecordsProcessed: new Counter({
      name: 'consumer_records_processed_total',
      help: 'Records handled successfully, by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    consumerRecordsDeadLettered: new Counter({
      name: 'consumer_records_dead_lettered_total',
      help: 'Records sent to the dead-letter topic, by source topic and error code.',
      labelNames: ['topic', 'code'] as const,
      registers,
    }),
    consumerRecordsRetried: new Counter({
      name: 'consumer_records_retried_total',
      help: 'Retryable handler failures (the record is retried after a backoff), by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    consumerDeadLetterBlocked: new Gauge({
      name: 'consumer_dead_letter_blocked',
      help: '1 while a partition is paused because its dead-letter topic cannot be written (the record waits, nothing is committed past it), else 0.',
      labelNames: ['topic', 'partition'] as const,
      registers,
    }),
    consumerProbeFailures: new Counter({
      name: 'consumer_probe_failures_total',
      help: 'A record kept failing with an unclassified error but the store or broker probe failed too, so it was retried instead of dead-lettered, by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
    consumerBatchSplits: new Counter({
      name: 'consumer_batch_splits_total',
      help: 'Failed batches split in halves to isolate the record at fault, by topic.',
      labelNames: ['topic'] as const,
      registers,
    }),
  };
}
