import {
  type BaseServer,
  type CreateKafkaOptions,
  createKafka,
  createMetrics,
  createOutboxRelay,
  kafkaReadiness,
  type Logger,
  type OutboxRelay,
  openConfiguredStore,
  outboxReadiness,
  resolveHttpAccess,
  type Store,
  storeReadiness,
} from '@order-service/runtime';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from './app.ts';
import type { OrderProducerConfig } from './config.ts';
import { ordersMigrations } from './orders-migrations.ts';

/** A composed order-producer: HTTP app, store, relay; `close()` shuts it down in order. */
export interface OrderProducer {
  app: BaseServer;
  store: Store;
  relay: OutboxRelay;
  /** Stops HTTP (in-flight requests finish), flushes the relay, closes the store. */
  close(): Promise<void>;
}

/**
 * Wires the app from its configuration: store (PostgreSQL or PGlite) with migrations, Kafka
 * client, outbox relay (started after OUTBOX_RELAY_START_DELAY_MS), HTTP app. Does not listen.
 * `options.kafka` reaches kafkajs' socket factory (tests cut the network with it).
 */
export async function createOrderProducer(
  config: Readonly<OrderProducerConfig>,
  logger: Logger,
  options: { kafka?: CreateKafkaOptions } = {},
): Promise<OrderProducer> {
  // First, before opening anything: production refuses to start without API_KEY. Here rather than in
  // loadOrderProducerConfig, which the CLI shares and which serves no HTTP route.
  const access = resolveHttpAccess(config);
  const metrics = createMetrics('order-producer');
  const store = await openConfiguredStore(config, logger, ordersMigrations);
  const kafka = createKafka(config, logger, options.kafka);
  const relay = createOutboxRelay({
    store,
    kafka,
    logger,
    metrics,
    clientId: config.KAFKA_CLIENT_ID,
    batchSize: config.OUTBOX_BATCH_SIZE,
    maxBatchBytes: config.KAFKA_MAX_MESSAGE_BYTES,
    pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
    mode: config.OUTBOX_MODE,
  });
  const app = await buildApp({
    store,
    logger,
    metrics,
    // Ready while Kafka is down: orders are accepted into the outbox and published once it is back.
    // The outbox check never fails; it names rows set aside because the broker refuses them.
    readiness: [storeReadiness(store), outboxReadiness(relay)],
    healthDetails: [kafkaReadiness(kafka)],
    topic: config.TOPIC_ORDERS_CREATED,
    access,
    bodyLimit: config.BODY_LIMIT_BYTES,
    maxRecordBytes: config.KAFKA_MAX_MESSAGE_BYTES,
    now: () => new Date(),
    generateOrderId: () => uuidv7(),
  });
  const relayTimer = setTimeout(() => void relay.start(), config.OUTBOX_RELAY_START_DELAY_MS);
  let closing: Promise<void> | undefined;
  return {
    app,
    store,
    relay,
    close: () => {
      closing ??= (async () => {
        clearTimeout(relayTimer);
        await app.close();
        await relay.stop({ timeoutMs: Math.max(1_000, config.SHUTDOWN_TIMEOUT_MS - 5_000) });
        await store.close();
      })();
      return closing;
    },
  };
}
