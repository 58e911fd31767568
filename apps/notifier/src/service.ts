import {
  createService,
  enqueueOutbox,
  type Logger,
  type Service,
  type ServiceDefinition,
} from '@order-service/runtime';
import { loadNotifierConfig, type NotifierConfig } from './config.ts';
import { createChannels } from './delivery/create-channels.ts';
import { createDeliveryWorker } from './delivery/delivery-worker.ts';
import type { LineSink } from './delivery/log-channel.ts';
import {
  createNotificationProcessor,
  DELIVERIES_CREATED_EVENT,
  type ProcessOutcome,
} from './handlers/notification-processor.ts';
import { createBatchHandler, createRecordHandler } from './handlers/record-handler.ts';
import { buildApp } from './http/app.ts';
import { loadLiveSnapshot } from './live/load-live-snapshot.ts';
import { createSseHub } from './live/sse-hub.ts';
import { createNotifierMetrics } from './notifier-metrics.ts';
import { notifierMigrations } from './store/migrations.ts';
import { countPendingStatusEvents } from './store/pending-status-repository.ts';

/** Where the notifier's channels reach the outside world; tests replace them. */
export interface NotifierSeams {
  /** Where the log channel writes its lines. Default process.stdout. */
  logSink?: LineSink;
  /** What the webhook channel sends with. Default the global fetch. */
  fetch?: typeof fetch;
}

/**
 * The notifier: consumes orders.created and orders.status, stores one notification per status
 * change with its orders.notifications message (outbox), delivers it on its channels (delivery
 * worker, woken after each commit that created deliveries) and feeds the live page (SSE).
 */
export function notifierService(seams: NotifierSeams = {}): ServiceDefinition<NotifierConfig> {
  return {
    name: 'notifier',
    loadConfig: loadNotifierConfig,
    migrations: notifierMigrations,
    consumes: (config) => [config.TOPIC_ORDERS_CREATED, config.TOPIC_ORDERS_STATUS],
    compose({ config, logger, store, metrics, access }, server) {
      const notifierMetrics = createNotifierMetrics(metrics, () => countPendingStatusEvents(store));
      const locale = config.NOTIFICATION_LOCALE;
      const hub = createSseHub({
        loadSnapshot: () => loadLiveSnapshot(store, locale),
        heartbeatMs: config.LIVE_PAGE_HEARTBEAT_MS,
        maxClients: config.SSE_MAX_CLIENTS,
        drainTimeoutMs: config.SSE_DRAIN_TIMEOUT_MS,
        maxBufferedBytes: config.SSE_MAX_BUFFERED_BYTES,
        onDrop: (reason) =>
          logger.warn({ component: 'live-page', reason }, 'live client dropped: not reading'),
        onError: (error) => logger.warn({ err: error, component: 'live-page' }, 'live snapshot failed'),
      });

      const { channels, retryPolicy } = createChannels(config, {
        logSink: seams.logSink ?? process.stdout,
        ...(seams.fetch === undefined ? {} : { fetch: seams.fetch }),
      });
      const deliveryWorker = createDeliveryWorker({
        store,
        channels,
        retryPolicy,
        logger: logger.child({ component: 'delivery-worker' }),
        pollIntervalMs: config.DELIVERY_POLL_MS,
        // A lease must outlast one attempt, or a slow webhook would be sent twice in parallel.
        leaseMs: Math.max(60_000, config.WEBHOOK_TIMEOUT_MS * 2),
        onResult: (channel, result) => notifierMetrics.deliveries.inc({ channel, result }),
      });
      let unsubscribe = () => {};

      const processor = createNotificationProcessor({
        store,
        enqueueOutbox,
        notificationsTopic: config.TOPIC_ORDERS_NOTIFICATIONS,
        locale,
        channels: channels.map((channel) => channel.name),
        onLiveEvent: (event) => {
          if (event.type === 'order') hub.broadcast('order', event.order);
          else hub.broadcast('notification', { notification: event.notification, order: event.order });
        },
      });
      const topics = { ordersCreated: config.TOPIC_ORDERS_CREATED, ordersStatus: config.TOPIC_ORDERS_STATUS };
      const handle = createRecordHandler(processor, topics);
      const handleMany = createBatchHandler(processor, topics);
      // Counted once the transaction committed.
      const countOutcome = (topic: string, outcome: ProcessOutcome) => {
        if (topic === config.TOPIC_ORDERS_STATUS) notifierMetrics.statusEvents.inc({ outcome: outcome.kind });
        if (outcome.kind === 'notified' || outcome.kind === 'order-stored') {
          for (const notification of outcome.notifications) {
            notifierMetrics.notificationsCreated.inc({ status: notification.status });
          }
        }
      };

      return {
        app: buildApp({
          ...server,
          hub,
          access,
          onClientsChanged: () => notifierMetrics.liveClients.set(hub.clientCount()),
        }),
        handlers: {
          handleRecord: async (record, context) => {
            const outcome = await handle(record);
            countOutcome(record.topic, outcome);
            context.logger.debug({ outcome: outcome.kind }, 'record handled');
          },
          // Each fetched chunk of a partition in one transaction; a poison record falls back to one at a time.
          handleBatch: async (records, context) => {
            const outcomes = await handleMany(records);
            for (const [index, outcome] of outcomes.entries()) {
              const record = records[index];
              if (record !== undefined) countOutcome(record.topic, outcome);
            }
            context.logger.debug({ records: records.length }, 'batch handled');
          },
        },
        workers: [
          {
            name: 'delivery-worker',
            start: () => {
              unsubscribe = store.on(DELIVERIES_CREATED_EVENT, () => deliveryWorker.wake());
              deliveryWorker.start();
            },
            stop: async () => {
              unsubscribe();
              await deliveryWorker.stop();
            },
          },
        ],
      };
    },
  };
}

/** A composed notifier. */
export type Notifier = Service<NotifierConfig>;

/** A composed notifier (not started, not listening); tests run it in-process with their own config and seams. */
export function createNotifier(
  options: { config: NotifierConfig; logger: Logger } & NotifierSeams,
): Promise<Notifier> {
  const { config, logger, ...seams } = options;
  return createService(notifierService(seams), config, logger);
}
