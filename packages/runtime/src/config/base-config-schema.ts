import { type Static, Type } from 'typebox';

/**
 * The environment variables every app shares. Apps spread these properties into their own
 * `Type.Object({ ...baseConfigSchema, PORT: Type.Integer({ default: 3001 }) })`, overriding defaults.
 * Topic defaults repeat the contracts' channel topics so the runtime stays independent of the
 * contracts package; a test checks they agree.
 */
export const baseConfigSchema = {
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
  DATA_DIR: Type.String({ default: '.data/app', minLength: 1, description: 'PGlite data folder' }),
  HOST: Type.String({ default: '0.0.0.0', minLength: 1, description: 'HTTP listen address' }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535, description: 'HTTP listen port' }),
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
  OUTBOX_MODE: Type.Union([Type.Literal('outbox'), Type.Literal('direct')], {
    default: 'outbox',
    description:
      'benchmarks only: outbox (default, the only mode with the no-loss guarantee) or direct ' +
      '(no outbox rows, no relay: messages published right after the commit; a crash or a Kafka ' +
      'error after the commit loses them)',
  }),
  CONSUMER_MAX_ATTEMPTS: Type.Integer({
    default: 5,
    minimum: 1,
    maximum: 1_000,
    description:
      'failures with an unclassified error a consumed record gets before a store and broker probe ' +
      'decides: dead-lettered when they answer, retried on when not (transient faults never count)',
  }),
  TOPIC_ORDERS_CREATED: Type.String({ default: 'orders.created', pattern: '^[A-Za-z0-9._-]{1,249}$' }),
  TOPIC_ORDERS_STATUS: Type.String({ default: 'orders.status', pattern: '^[A-Za-z0-9._-]{1,249}$' }),
  TOPIC_ORDERS_NOTIFICATIONS: Type.String({
    default: 'orders.notifications',
    pattern: '^[A-Za-z0-9._-]{1,249}$',
  }),
};

const BaseConfig = Type.Object(baseConfigSchema);

/** The typed values of `baseConfigSchema`; app configs extend it. */
export type BaseConfig = Static<typeof BaseConfig>;

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
