import {
  type BaseServer,
  type ConsumerHandle,
  consumerReadiness,
  createKafka,
  createMetrics,
  createOutboxRelay,
  enqueueOutbox,
  kafkaReadiness,
  type Logger,
  type Metrics,
  type OutboxLag,
  openConfiguredStore,
  resolveHttpAccess,
  runConsumer,
  type ShutdownStep,
  type Store,
  storeReadiness,
} from '@order-service/runtime';
import { buildApp } from './app.ts';
import type { NotifierConfig } from './config.ts';
import { createChannels } from './create-channels.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
import { loadLiveSnapshot } from './load-live-snapshot.ts';
import type { LineSink } from './log-channel.ts';
import {
  createNotificationProcessor,
  DELIVERIES_CREATED_EVENT,
  type ProcessOutcome,
} from './notification-processor.ts';
import { createNotifierMetrics } from './notifier-metrics.ts';
import { notifierMigrations } from './notifier-migrations.ts';
import { countPendingStatusEvents } from './pending-status-repository.ts';
import { createBatchHandler, createRecordHandler } from './record-handler.ts';
import { createSseHub, type SseHub } from './sse-hub.ts';

/** What the notifier is built from; main.ts passes process.stdout and the global fetch. */
export interface NotifierOptions {
  config: NotifierConfig;
  logger: Logger;
  /** Where the log channel writes its lines. Default process.stdout. */
  logSink?: LineSink;
  fetch?: typeof fetch;
}

/** A built notifier: start() connects to Kafka and begins work; the app is not listening yet. */
export interface Notifier {
  app: BaseServer;
  store: Store;
  metrics: Metrics;
  hub: SseHub;
  deliveryWorker: DeliveryWorker;
  /** Starts the relay, the delivery worker and the consumer; resolves once the consumer runs. */
  start(): Promise<void>;
  /** Resolves once the consumer joined its group (after start()). */
  joined(): Promise<void>;
  /** Notifications stored but not yet acknowledged by Kafka. */
  outboxLag(): Promise<OutboxLag>;
  /** The graceful shutdown, step by step (for the runtime's onShutdown). */
  shutdownSteps(): ShutdownStep[];
  /** Runs every shutdown step in order. */
  stop(): Promise<void>;
}

/**
 * Wires the notifier: store and migrations, the processor behind the consumer, the outbox relay,
 * the delivery worker (woken after each commit that created deliveries), the SSE hub fed after
 * each commit, and the HTTP app.
 */
export async function createNotifier(options: NotifierOptions): Promise<Notifier> {
  const { config, logger } = options;
  // First, before opening anything: production refuses to start without API_KEY.
  const access = resolveHttpAccess(config);
  const metrics = createMetrics('notifier');
  const store = await openConfiguredStore(config, logger, notifierMigrations);
  const notifierMetrics = createNotifierMetrics(metrics, () => countPendingStatusEvents(store));
  const kafka = createKafka(config, logger);
  const locale = config.NOTIFICATION_LOCALE;

  const hub = createSseHub({
    loadSnapshot: () => loadLiveSnapshot(store, locale),
    heartbeatMs: config.LIVE_PAGE_HEARTBEAT_MS,
    maxClients: config.SSE_MAX_CLIENTS,
    drainTimeoutMs: config.SSE_DRAIN_TIMEOUT_MS,
    maxBufferedBytes: config.SSE_MAX_BUFFERED_BYTES,
    onDrop: (reason) => logger.warn({ component: 'live-page', reason }, 'live client dropped: not reading'),
    onError: (error) => logger.warn({ err: error, component: 'live-page' }, 'live snapshot failed'),
  });

  const { channels, retryPolicy } = createChannels(config, {
    logSink: options.logSink ?? process.stdout,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
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
  const unsubscribe = store.on(DELIVERIES_CREATED_EVENT, () => deliveryWorker.wake());

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

  const relay = createOutboxRelay({
    store,
    kafka,
    logger,
    metrics,
    clientId: `${config.KAFKA_CLIENT_ID}-relay`,
    mode: config.OUTBOX_MODE,
  });
  const app = buildApp({
    logger,
    metrics,
    readiness: [storeReadiness(store), kafkaReadiness(kafka), consumerReadiness(() => consumer)],
    hub,
    access,
    onClientsChanged: () => notifierMetrics.liveClients.set(hub.clientCount()),
  });

  let consumer: ConsumerHandle | undefined;
  const steps: ShutdownStep[] = [
    // Closing the app ends the live streams first (preClose), then waits for requests in flight.
    { name: 'http', run: () => app.close() },
    { name: 'consumer', run: async () => consumer?.stop() },
    { name: 'delivery-worker', run: () => deliveryWorker.stop() },
    { name: 'outbox-relay', run: () => relay.stop() },
    {
      name: 'store',
      run: async () => {
        unsubscribe();
        await store.close();
      },
    },
  ];

  return {
    app,
    store,
    metrics,
    hub,
    deliveryWorker,
    async start() {
      await relay.start();
      deliveryWorker.start();
      consumer = await runConsumer({
        kafka,
        groupId: config.KAFKA_GROUP_ID,
        topics: [config.TOPIC_ORDERS_CREATED, config.TOPIC_ORDERS_STATUS],
        logger,
        metrics,
        // Partitions of both topics in parallel; records of one partition stay in order.
        partitionsConsumedConcurrently: 3,
        sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        // A record failing with an unclassified error is dead-lettered only while the store answers.
        maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
        probe: () => store.ping(),
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
      });
    },
    joined: () => consumer?.joined ?? Promise.reject(new Error('start() the notifier first')),
    outboxLag: () => relay.lag(),
    shutdownSteps: () => steps,
    async stop() {
      for (const step of steps) await step.run();
    },
  };
}
