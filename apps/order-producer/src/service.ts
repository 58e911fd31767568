import {
  type CreateServiceOptions,
  createService,
  type Logger,
  type Service,
  type ServiceDefinition,
} from '@order-service/runtime';
import { v7 as uuidv7 } from 'uuid';
import { loadOrderProducerConfig, type OrderProducerConfig } from './config.ts';
import { buildApp } from './http/app.ts';
import { ordersMigrations } from './store/migrations.ts';

/**
 * The order-producer: the front door. `POST /orders` stores each order with its orders.created
 * message in one transaction; the outbox relay publishes it. It consumes nothing, so it stays
 * ready while Kafka is down (the outbox holds the orders) and shows Kafka in `/health`.
 */
export const orderProducerService: ServiceDefinition<OrderProducerConfig> = {
  name: 'order-producer',
  loadConfig: loadOrderProducerConfig,
  migrations: ordersMigrations,
  async compose({ config, store, access }, server) {
    return {
      app: await buildApp({
        ...server,
        store,
        topic: config.TOPIC_ORDERS_CREATED,
        access,
        maxRecordBytes: config.KAFKA_MAX_MESSAGE_BYTES,
        now: () => new Date(),
        generateOrderId: () => uuidv7(),
      }),
    };
  },
};

/** A composed order-producer. */
export type OrderProducer = Service<OrderProducerConfig>;

/** A composed and started order-producer (not listening); tests run it in-process with their own config. */
export async function startOrderProducer(
  config: Readonly<OrderProducerConfig>,
  logger: Logger,
  options: CreateServiceOptions = {},
): Promise<OrderProducer> {
  const service = await createService(orderProducerService, config, logger, options);
  await service.start();
  return service;
}
