import {
  consumerReadiness,
  createKafka,
  createMetrics,
  createOutboxRelay,
  kafkaReadiness,
  keepConsumerStarted,
  type Logger,
  openConfiguredStore,
  resolveHttpAccess,
  runConsumer,
  storeReadiness,
} from '@order-service/runtime';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { StatusWorkerConfig } from './config.ts';
import { createOrderBatchHandler, createOrderRecordHandler } from './intake/handle-order-record.ts';
import { createStatusWorkerMetrics } from './status-worker-metrics.ts';
import { STATUS_WORKER_MIGRATIONS } from './store/migrations.ts';

/** A running status-worker: its HTTP app (not listening) and how to stop it. */
export interface StatusWorker {
  app: FastifyInstance;
  /**
   * Graceful stop, in order: the HTTP app (no new changes), the consumer (leaves the group after
   * the current record), the relay (publishes what is pending), then the store.
   */
  stop(): Promise<void>;
}

/**
 * Wires the status-worker: store and migrations, the outbox relay publishing orders.status, the
 * consumer group on orders.created, and the HTTP app. `main.ts` adds listening and signals; tests
 * run it in-process with their own config.
 */
export async function startStatusWorker(
  config: Readonly<StatusWorkerConfig>,
  logger: Logger,
): Promise<StatusWorker> {
  // First, before opening anything: production refuses to start without API_KEY.
  const access = resolveHttpAccess(config);
  const store = await openConfiguredStore(config, logger, STATUS_WORKER_MIGRATIONS);
  const metrics = createMetrics('status-worker');
  const statusWorkerMetrics = createStatusWorkerMetrics(metrics.registry);
  const kafka = createKafka(config, logger);
  const now = () => new Date();

  const intake = {
    store,
    statusTopic: config.TOPIC_ORDERS_STATUS,
    now,
    metrics: statusWorkerMetrics,
    logger: logger.child({ component: 'intake' }),
  };
  const relay = createOutboxRelay({
    store,
    kafka,
    logger,
    metrics,
    clientId: config.KAFKA_CLIENT_ID,
    mode: config.OUTBOX_MODE,
  });
  await relay.start();
  const consumer = keepConsumerStarted(
    () =>
      runConsumer({
        kafka,
        groupId: config.KAFKA_GROUP_ID,
        topics: [config.TOPIC_ORDERS_CREATED],
        sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENCY,
        logger,
        metrics,
        handleRecord: createOrderRecordHandler(intake),
        // Each fetched chunk of a partition in one transaction; a poison record falls back to one at a time.
        handleBatch: createOrderBatchHandler(intake),
        // A record failing with an unclassified error is dead-lettered only while the store answers.
        maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
        probe: () => store.ping(),
      }),
    logger,
  );
  const app = buildApp({
    logger,
    metrics,
    statusWorkerMetrics,
    store,
    statusTopic: config.TOPIC_ORDERS_STATUS,
    access,
    readiness: [storeReadiness(store), kafkaReadiness(kafka), consumerReadiness(() => consumer)],
    now,
  });
  return {
    app,
    async stop() {
      await app.close();
      await consumer.stop();
      await relay.stop();
      await store.close();
    },
  };
}
