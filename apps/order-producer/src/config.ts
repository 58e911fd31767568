import { dataDir, type Environment, loadConfig, port, serviceConfigSchema } from '@order-service/runtime';
import { type Static, Type } from 'typebox';

/** The environment of order-producer: the runtime's service variables with its own defaults. */
export const OrderProducerConfig = Type.Object({
  ...serviceConfigSchema,
  PORT: port(3001),
  DATA_DIR: dataDir('.data/order-producer'),
  KAFKA_CLIENT_ID: Type.String({ default: 'order-producer', minLength: 1, description: 'Kafka client id' }),
});

/** The validated configuration of order-producer. */
export type OrderProducerConfig = Static<typeof OrderProducerConfig>;

/** Reads and validates the environment (only `main.ts` and the CLI pass `process.env`). */
export function loadOrderProducerConfig(env: Environment): Readonly<OrderProducerConfig> {
  return loadConfig(OrderProducerConfig, env);
}
