import type { Logger } from 'pino';
import type { Environment } from '../config/load-config.ts';
import type { ConsumerConfig, ServiceConfig } from '../config/service-config.ts';
import type { ConsumedRecord } from '../consumer/consumed-record.ts';
import { consumerReadiness } from '../consumer/consumer-readiness.ts';
import { type BackgroundConsumer, keepConsumerStarted } from '../consumer/keep-consumer-started.ts';
import {
  type BatchHandlerContext,
  type ConsumerHandle,
  type HandlerContext,
  runConsumer,
} from '../consumer/run-consumer.ts';
import { type HttpAccess, resolveHttpAccess } from '../http/api-key-guard.ts';
import type { BaseServer, BaseServerOptions } from '../http/build-base-server.ts';
import { kafkaReadiness, type ReadinessCheck, storeReadiness } from '../http/readiness.ts';
import { createKafka, type KafkaConnectionOptions } from '../kafka/create-kafka.ts';
import { createMetrics, type Metrics } from '../metrics/create-metrics.ts';
import { createOutboxRelay } from '../outbox/create-outbox-relay.ts';
import { outboxReadiness } from '../outbox/outbox-readiness.ts';
import type { OutboxLag } from '../outbox/outbox-repository.ts';
import type { ShutdownStep } from '../shutdown/on-shutdown.ts';
import type { Migration } from '../store/apply-migrations.ts';
import type { Store } from '../store/store.ts';
import { openConfiguredStore } from './open-configured-store.ts';

/** What an app's parts are built from: everything the runtime opened for it. */
export interface ServiceContext<Config extends ServiceConfig> {
  readonly name: string;
  readonly config: Readonly<Config>;
  readonly logger: Logger;
  readonly store: Store;
  readonly metrics: Metrics;
  /** Who may call the HTTP routes (resolved before anything was opened). */
  readonly access: HttpAccess;
}

/** How a consuming app handles records; the runtime adds the group, retries, DLQ and probes. */
export interface ConsumerHandlers {
  /** Resolves once the record's effects are committed; its offset is committed after that. */
  handleRecord: (record: ConsumedRecord, context: HandlerContext) => Promise<void>;
  /** One transaction per fetched chunk; a chunk that fails falls back to `handleRecord`, one record at a time. */
  handleBatch?: (records: readonly ConsumedRecord[], context: BatchHandlerContext) => Promise<void>;
}

/** A loop an app runs beside its consumer and HTTP routes (the notifier's delivery worker). */
export interface BackgroundWorker {
  name: string;
  start(): void;
  /** Finishes the work in hand; called after the consumer stopped, before the relay and the store. */
  stop(): Promise<void>;
}

/** What an app builds from its context. */
export interface ServiceParts {
  /** Built on `buildBaseServer(server, ...)`; never listening. */
  app: BaseServer;
  /** Required when the definition `consumes` topics. */
  handlers?: ConsumerHandlers;
  workers?: readonly BackgroundWorker[];
}

/** The one way an app is composed: its name, config, migrations, what it consumes, its parts. */
export interface ServiceDefinition<Config extends ServiceConfig> {
  name: string;
  /** Reads and validates the app's environment (throws `ConfigError`). */
  loadConfig: (environment: Environment) => Readonly<Config>;
  /** The app's own migrations; the outbox's are applied by the runtime. */
  migrations: readonly Migration[];
  /**
   * The topics the app consumes. A consuming app is ready when the store, a broker and its
   * dead-letter writes answer; an app without (the front door) stays ready while Kafka is down,
   * since its outbox holds what it accepts, and shows Kafka in `/health`.
   */
  consumes?: (config: Readonly<Config>) => readonly string[];
  /** Builds the app's parts; `server` carries logger, metrics, body limit and the composed readiness. */
  compose: (
    context: ServiceContext<Config>,
    server: BaseServerOptions,
  ) => ServiceParts | Promise<ServiceParts>;
}

/** A composed app: not started, not listening. */
export interface Service<Config extends ServiceConfig> extends ServiceContext<Config> {
  readonly app: BaseServer;
  /** Starts the relay (after `OUTBOX_RELAY_START_DELAY_MS`), the workers and the consumer (kept started while Kafka is down). */
  start(): Promise<void>;
  /** Resolves with the consumer once it runs (after `start()`); rejects for an app without one. */
  consumer(): Promise<ConsumerHandle>;
  /** Messages committed to the outbox and not yet acknowledged by Kafka. */
  outboxLag(): Promise<OutboxLag>;
  /** The ordered shutdown: HTTP, consumer, workers, relay, store (for `onShutdown`). */
  shutdownSteps(): readonly ShutdownStep[];
  /** Runs every shutdown step in order (idempotent). */
  stop(): Promise<void>;
}

/** Test and deployment seams of `createService`. */
export interface CreateServiceOptions {
  /** How the Kafka client connects (tests cut the network with a socket factory). */
  kafka?: KafkaConnectionOptions;
}

const isConsumerConfig = (config: ServiceConfig): config is ServiceConfig & ConsumerConfig =>
  'KAFKA_GROUP_ID' in config;

/**
 * Composes an app from its definition: resolves HTTP access (production refuses to start without
 * `API_KEY`, before anything is opened), opens the store and applies the outbox's and the app's
 * migrations, creates the Kafka client, the outbox relay, the consumer, readiness, metrics and one
 * ordered shutdown within `SHUTDOWN_TIMEOUT_MS`.
 */
export async function createService<Config extends ServiceConfig>(
  definition: ServiceDefinition<Config>,
  config: Readonly<Config>,
  logger: Logger,
  options: CreateServiceOptions = {},
): Promise<Service<Config>> {
  const access = resolveHttpAccess(config);
  const topics = definition.consumes?.(config);
  if (topics !== undefined && !isConsumerConfig(config)) {
    throw new TypeError(`${definition.name} consumes records: its config schema needs consumerConfigSchema`);
  }
  const metrics = createMetrics(definition.name);
  const store = await openConfiguredStore(config, logger, definition.migrations);
  const context: ServiceContext<Config> = { name: definition.name, config, logger, store, metrics, access };
  try {
    const kafka = createKafka(config, logger, options.kafka);
    const relay = createOutboxRelay({
      store,
      kafka,
      logger,
      metrics,
      clientId: `${config.KAFKA_CLIENT_ID}-relay`,
      batchSize: config.OUTBOX_BATCH_SIZE,
      maxBatchBytes: config.KAFKA_MAX_MESSAGE_BYTES,
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    });
    let consumer: BackgroundConsumer | undefined;
    const ready: ReadinessCheck[] = [storeReadiness(store), outboxReadiness(relay)];
    const server: BaseServerOptions =
      topics === undefined
        ? {
            logger,
            metrics,
            bodyLimit: config.BODY_LIMIT_BYTES,
            readiness: ready,
            healthDetails: [kafkaReadiness(kafka)],
          }
        : {
            logger,
            metrics,
            bodyLimit: config.BODY_LIMIT_BYTES,
            readiness: [...ready, kafkaReadiness(kafka), consumerReadiness(() => consumer)],
          };
    const parts = await definition.compose(context, server);
    const { app, handlers } = parts;
    const workers = parts.workers ?? [];
    if (topics !== undefined && handlers === undefined) {
      throw new TypeError(
        `${definition.name} consumes ${topics.join(', ')}: compose() must return its handlers`,
      );
    }

    const startConsumer = (
      consumerConfig: Readonly<ConsumerConfig>,
      consumed: readonly string[],
      consumerHandlers: ConsumerHandlers,
    ) =>
      keepConsumerStarted(
        () =>
          runConsumer({
            kafka,
            groupId: consumerConfig.KAFKA_GROUP_ID,
            topics: consumed,
            sessionTimeoutMs: consumerConfig.KAFKA_SESSION_TIMEOUT_MS,
            partitionsConsumedConcurrently: consumerConfig.KAFKA_PARTITIONS_CONCURRENCY,
            logger,
            metrics,
            handleRecord: consumerHandlers.handleRecord,
            ...(consumerHandlers.handleBatch === undefined
              ? {}
              : { handleBatch: consumerHandlers.handleBatch }),
            // An unclassified failure is dead-lettered only while the store answers.
            maxAttempts: consumerConfig.CONSUMER_MAX_ATTEMPTS,
            probe: () => store.ping(),
          }),
        logger,
      );

    let relayTimer: NodeJS.Timeout | undefined;
    // One budget for the whole shutdown, counted from its first step.
    let shutdownDeadline = Number.POSITIVE_INFINITY;
    const steps: ShutdownStep[] = [
      {
        // The app first: no new work; requests in flight finish (live streams end in preClose).
        name: 'http',
        run: () => {
          shutdownDeadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
          return app.close();
        },
      },
      { name: 'consumer', run: async () => consumer?.stop() },
      ...workers.map((worker) => ({ name: worker.name, run: () => worker.stop() })),
      {
        name: 'outbox-relay',
        run: async () => {
          clearTimeout(relayTimer);
          // What is left of the budget, less time for the store; at most 10 s, since rows not
          // published stay in the outbox and the next start publishes them.
          const left = shutdownDeadline - Date.now() - 2_000;
          await relay.stop({ timeoutMs: Math.min(10_000, Math.max(1_000, left)) });
        },
      },
      { name: 'store', run: () => store.close() },
    ];
    let stopping: Promise<void> | undefined;

    return {
      ...context,
      app,
      async start() {
        if (config.OUTBOX_RELAY_START_DELAY_MS === 0) await relay.start();
        else relayTimer = setTimeout(() => void relay.start(), config.OUTBOX_RELAY_START_DELAY_MS);
        for (const worker of workers) worker.start();
        if (topics !== undefined && handlers !== undefined && isConsumerConfig(config)) {
          consumer = startConsumer(config, topics, handlers);
        }
      },
      consumer: () =>
        consumer?.started ??
        Promise.reject(new Error(`${definition.name} has no consumer, or start() was not called`)),
      outboxLag: () => relay.lag(),
      shutdownSteps: () => steps,
      stop() {
        // Every step runs even when one fails (the store is closed last in any case); the first error is thrown.
        stopping ??= (async () => {
          const failures: unknown[] = [];
          for (const step of steps) await step.run().catch((error: unknown) => failures.push(error));
          if (failures.length > 0) throw failures[0];
        })();
        return stopping;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
