import {
  consumerConfigSchema,
  dataDir,
  type Environment,
  loadConfig,
  port,
  serviceConfigSchema,
} from '@order-service/runtime';
import { type Static, Type } from 'typebox';

/** The status-worker's environment: the runtime's service and consumer variables with its own defaults. */
export const StatusWorkerConfigSchema = Type.Object({
  ...serviceConfigSchema,
  ...consumerConfigSchema,
  PORT: port(3002),
  DATA_DIR: dataDir('.data/status-worker'),
  KAFKA_CLIENT_ID: Type.String({ default: 'status-worker', minLength: 1, description: 'Kafka client id' }),
  KAFKA_GROUP_ID: Type.String({
    default: 'status-worker',
    minLength: 1,
    description: 'consumer group of orders.created; instances with one group id share its partitions',
  }),
});

/** The status-worker's validated configuration. */
export type StatusWorkerConfig = Static<typeof StatusWorkerConfigSchema>;

/** Reads the configuration from an environment; throws the runtime's ConfigError naming every bad variable. */
export function loadStatusWorkerConfig(env: Environment): Readonly<StatusWorkerConfig> {
  return loadConfig(StatusWorkerConfigSchema, env);
}
