import { type Static, Type } from 'typebox';

// The environment variables of the runtime's parts, in fragments an app spreads into its schema:
//   Type.Object({ ...serviceConfigSchema, ...consumerConfigSchema, PORT: port(3002), ... })
// Later properties override earlier ones, so an app sets its own defaults (port, data folder, ids).
// Topic defaults repeat the contracts' channel topics so the runtime stays independent of the
// contracts package; a test checks they agree.

const topicName = (name: string) => Type.String({ default: name, pattern: '^[A-Za-z0-9._-]{1,249}$' });

/** The HTTP listen port, with an app's default. */
export const port = (defaultPort: number) =>
  Type.Integer({ default: defaultPort, minimum: 0, maximum: 65535, description: 'HTTP listen port' });

/** The embedded store's folder, with an app's default. */
export const dataDir = (defaultDir: string) =>
  Type.String({
    default: defaultDir,
    minLength: 1,
    description: 'PGlite data folder (when DATABASE_URL is unset)',
  });

/** Kafka connection and limits. */
export const kafkaConfigSchema = {
  KAFKA_BROKERS: Type.String({
    default: 'localhost:9092',
    minLength: 1,
    description: 'comma-separated host:port list of Kafka bootstrap brokers',
  }),
  KAFKA_CLIENT_ID: Type.String({ default: 'order-service', minLength: 1, description: 'Kafka client id' }),
  KAFKA_SSL: Type.Boolean({ default: false, description: 'true to connect to Kafka over TLS' }),
  KAFKA_SASL_MECHANISM: Type.Optional(
    Type.Union([Type.Literal('plain'), Type.Literal('scram-sha-256'), Type.Literal('scram-sha-512')], {
      description: 'SASL mechanism; needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    }),
  ),
  KAFKA_SASL_USERNAME: Type.Optional(Type.String({ minLength: 1, description: 'SASL user name' })),
  KAFKA_SASL_PASSWORD: Type.Optional(Type.String({ minLength: 1, description: 'SASL password' })),
  KAFKA_MAX_MESSAGE_BYTES: Type.Integer({
    default: 1_000_000,
    minimum: 1_024,
    description:
      "largest Kafka record batch (key, value, headers, framing): the relay's requests stay below it (and order-producer answers 413 above it); at most the topics' max.message.bytes",
  }),
};

/** The topics of the three channels. */
export const topicsConfigSchema = {
  TOPIC_ORDERS_CREATED: topicName('orders.created'),
  TOPIC_ORDERS_STATUS: topicName('orders.status'),
  TOPIC_ORDERS_NOTIFICATIONS: topicName('orders.notifications'),
};

/** The store: PostgreSQL, or embedded PGlite. */
export const storeConfigSchema = {
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description: 'postgres:// URL; when unset the app uses embedded PGlite in DATA_DIR',
    }),
  ),
  DATABASE_SCHEMA: Type.Optional(
    Type.String({
      pattern: '^[a-z_][a-z0-9_]*$',
      maxLength: 48,
      description: 'PostgreSQL schema for the tables (created if missing); default public',
    }),
  ),
  DATA_DIR: dataDir('.data/app'),
};

/** HTTP: where to listen, who may call, how large a body may be. */
export const httpConfigSchema = {
  HOST: Type.String({ default: '0.0.0.0', minLength: 1, description: 'HTTP listen address' }),
  PORT: port(3000),
  API_KEY: Type.Optional(
    Type.String({
      minLength: 16,
      description:
        'key clients send in x-api-key; required in production: write routes and customer-data reads need it',
    }),
  ),
  ORDER_SERVICE_MODE: Type.Union([Type.Literal('production'), Type.Literal('development')], {
    default: 'production',
    description:
      'production (default) refuses to start without API_KEY; development may run without it, and ' +
      'customer-data reads (GET /orders/:id, the live page) need no key',
  }),
  BODY_LIMIT_BYTES: Type.Integer({
    default: 1_048_576,
    minimum: 1_024,
    description: 'largest accepted request body in bytes (413 above)',
  }),
};

/** The outbox relay. */
export const outboxConfigSchema = {
  OUTBOX_BATCH_SIZE: Type.Integer({
    default: 500,
    minimum: 1,
    maximum: 10_000,
    description: 'records per Kafka request of the outbox relay',
  }),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({
    default: 5_000,
    minimum: 50,
    description: "relay safety poll (commits wake it at once; this catches another instance's commits)",
  }),
  OUTBOX_RELAY_START_DELAY_MS: Type.Integer({
    default: 0,
    minimum: 0,
    description:
      'delay before the relay starts (operations and crash tests; writes still land in the outbox)',
  }),
};

/** Logging and graceful shutdown. */
export const processConfigSchema = {
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { default: 'info', description: 'pino log level' },
  ),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    default: 30_000,
    minimum: 1_000,
    description:
      'graceful shutdown budget (HTTP, consumer, workers, relay flush, store), after which the process exits 1',
  }),
};

/** Everything every service has: Kafka, topics, store, HTTP, outbox, logging and shutdown. */
export const serviceConfigSchema = {
  ...kafkaConfigSchema,
  ...topicsConfigSchema,
  ...storeConfigSchema,
  ...httpConfigSchema,
  ...outboxConfigSchema,
  ...processConfigSchema,
};

/** A consumer group member: group, session, parallelism, attempts. */
export const consumerConfigSchema = {
  KAFKA_GROUP_ID: Type.String({
    default: 'order-service',
    minLength: 1,
    description: 'consumer group; instances with one group id share the partitions',
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
    description: 'partitions handled at once by one instance (records of one partition stay in order)',
  }),
  CONSUMER_MAX_ATTEMPTS: Type.Integer({
    default: 5,
    minimum: 1,
    maximum: 1_000,
    description:
      'failures with an unclassified error a consumed record gets before a store and broker probe ' +
      'decides: dead-lettered when they answer, retried on when not (transient faults never count)',
  }),
};

const ServiceConfigObject = Type.Object(serviceConfigSchema);
const ConsumerConfigObject = Type.Object(consumerConfigSchema);

/** The typed values every service's config has. */
export type ServiceConfig = Static<typeof ServiceConfigObject>;
/** The typed values of a consuming service's config. */
export type ConsumerConfig = Static<typeof ConsumerConfigObject>;

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
