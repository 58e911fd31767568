import { createService, type Logger, type Service, type ServiceDefinition } from '@order-service/runtime';
import { loadStatusWorkerConfig, type StatusWorkerConfig } from './config.ts';
import { createOrderBatchHandler, createOrderRecordHandler } from './handlers/handle-order-record.ts';
import { buildApp } from './http/app.ts';
import { createStatusWorkerMetrics } from './status-worker-metrics.ts';
import { STATUS_WORKER_MIGRATIONS } from './store/migrations.ts';

/**
 * The status-worker: consumes orders.created (intake: PROCESSING or CANCELLED with a reason),
 * serves status changes over HTTP, and publishes orders.status through its outbox.
 */
export const statusWorkerService: ServiceDefinition<StatusWorkerConfig> = {
  name: 'status-worker',
  loadConfig: loadStatusWorkerConfig,
  migrations: STATUS_WORKER_MIGRATIONS,
  consumes: (config) => [config.TOPIC_ORDERS_CREATED],
  compose({ config, logger, store, metrics, access }, server) {
    const statusWorkerMetrics = createStatusWorkerMetrics(metrics.registry);
    const now = () => new Date();
    const intake = {
      store,
      statusTopic: config.TOPIC_ORDERS_STATUS,
      now,
      metrics: statusWorkerMetrics,
      logger: logger.child({ component: 'intake' }),
    };
    return {
      app: buildApp({
        ...server,
        statusWorkerMetrics,
        store,
        statusTopic: config.TOPIC_ORDERS_STATUS,
        access,
        now,
      }),
      handlers: {
        handleRecord: createOrderRecordHandler(intake),
        // Each fetched chunk of a partition in one transaction; a poison record falls back to one at a time.
        handleBatch: createOrderBatchHandler(intake),
      },
    };
  },
};

/** A composed status-worker (not started, not listening); tests run it in-process with their own config. */
export function createStatusWorker(
  config: Readonly<StatusWorkerConfig>,
  logger: Logger,
): Promise<Service<StatusWorkerConfig>> {
  return createService(statusWorkerService, config, logger);
}
