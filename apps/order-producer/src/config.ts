import { baseConfigSchema, type Environment, loadConfig } from '@order-service/runtime';
import { type Static, Type } from 'typebox';

/** The environment of order-producer: the shared variables plus its own. */
export const OrderProducerConfig = Type.Object({
  ...baseConfigSchema,
  PORT: Type.Integer({ default: 3001, minimum: 0, maximum: 65535, description: 'HTTP listen port' }),
  DATA_DIR: Type.String({ default: '.data/order-producer', minLength: 1, description: 'PGlite data folder' }),
  KAFKA_CLIENT_ID: Type.String({ default: 'order-producer', minLength: 1, description: 'Kafka client id' }),
  BODY_LIMIT_BYTES: Type.Integer({
    default: 1_048_576,
    minimum: 1_024,
    description: 'largest accepted request body in bytes (413 above)',
  }),
  KAFKA_MAX_MESSAGE_BYTES: Type.Integer({
    default: 1_000_000,
    minimum: 1_024,
    description:
      "largest Kafka record batch (key, value, headers, framing): orders above it get 413, the relay's requests stay below it; at most the topic's max.message.bytes",
  }),
  OUTBOX_BATCH_SIZE: Type.Integer({
    default: 500,
    minimum: 1,
    maximum: 10_000,
    description: 'records per Kafka request',
  }),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({ default: 5_000, minimum: 50, description: 'relay safety poll' }),
  OUTBOX_RELAY_START_DELAY_MS: Type.Integer({
    default: 0,
    minimum: 0,
    description: 'delay before the relay starts (operations and crash tests; orders are still accepted)',
  }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    default: 30_000,
    minimum: 1_000,
    description: 'graceful shutdown budget',
  }),
});

/** The validated configuration of order-producer. */
export type OrderProducerConfig = Static<typeof OrderProducerConfig>;

/** Reads and validates the environment (only `main.ts` and the CLI pass `process.env`). */
export function loadOrderProducerConfig(env: Environment): Readonly<OrderProducerConfig> {
  return loadConfig(OrderProducerConfig, env);
}
