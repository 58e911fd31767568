import { baseConfigSchema, type Environment, loadConfig } from '@order-service/runtime';
import { type Static, Type } from 'typebox';

/** The status-worker's environment: the shared variables plus its own, with its own defaults. */
export const StatusWorkerConfigSchema = Type.Object({
  ...baseConfigSchema,
  KAFKA_CLIENT_ID: Type.String({ default: 'status-worker', minLength: 1, description: 'Kafka client id' }),
  KAFKA_GROUP_ID: Type.String({
    default: 'status-worker',
    minLength: 1,
    description: 'consumer group of orders.created; instances with one group id share its partitions',
  }),
  KAFKA_SESSION_TIMEOUT_MS: Type.Integer({
    default: 30_000,
    minimum: 6_000,
    maximum: 300_000,
    description:
      'how long the group waits for a silent (crashed) instance before giving its partitions to others',
  }),
  KAFKA_PARTITIONS_CONCURRENCY: Type.Integer({
    default: 3,
    minimum: 1,
    maximum: 64,
    description:
      'partitions of orders.created handled at once by one instance (records of one partition stay in order)',
  }),
  DATA_DIR: Type.String({ default: '.data/status-worker', minLength: 1, description: 'PGlite data folder' }),
  PORT: Type.Integer({ default: 3002, minimum: 0, maximum: 65535, description: 'HTTP listen port' }),
});

/** The status-worker's validated configuration. */
export type StatusWorkerConfig = Static<typeof StatusWorkerConfigSchema>;

/** Reads the configuration from an environment; throws the runtime's ConfigError naming every bad variable. */
export function loadStatusWorkerConfig(env: Environment): Readonly<StatusWorkerConfig> {
  return loadConfig(StatusWorkerConfigSchema, env);
}
