import {
  consumerConfigSchema,
  dataDir,
  type Environment,
  loadConfig,
  port,
  serviceConfigSchema,
} from '@order-service/runtime';
import { type Static, Type } from 'typebox';
import { type DeliveryChannelName, deliveryChannelNames } from './delivery/delivery-channel.ts';
import { NotifierError } from './notifier-error.ts';

/** The notifier's environment: the shared variables plus its own. */
export const NotifierConfigSchema = Type.Object({
  ...serviceConfigSchema,
  ...consumerConfigSchema,
  PORT: port(3003),
  DATA_DIR: dataDir('.data/notifier'),
  KAFKA_CLIENT_ID: Type.String({ default: 'notifier', minLength: 1, description: 'Kafka client id' }),
  KAFKA_GROUP_ID: Type.String({ default: 'notifier', minLength: 1, description: 'Kafka consumer group id' }),
  NOTIFICATION_LOCALE: Type.Union([Type.Literal('ru'), Type.Literal('en')], {
    default: 'ru',
    description: 'language of the notification templates',
  }),
  NOTIFY_CHANNELS: Type.String({
    default: 'log',
    pattern: `^\\s*(${deliveryChannelNames.join('|')})\\s*(,\\s*(${deliveryChannelNames.join('|')})\\s*)*$`,
    description: `comma-separated delivery channels out of ${deliveryChannelNames.join(', ')}`,
  }),
  WEBHOOK_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'http(s) URL the webhook channel POSTs to' }),
  ),
  WEBHOOK_SECRET: Type.Optional(
    Type.String({ minLength: 16, description: 'shared secret of the HMAC-SHA256 webhook signature' }),
  ),
  WEBHOOK_TIMEOUT_MS: Type.Integer({
    default: 5_000,
    minimum: 100,
    description: 'timeout of one webhook attempt',
  }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({
    default: 8,
    minimum: 1,
    maximum: 100,
    description: 'webhook attempts in all before the dead letter',
  }),
  WEBHOOK_BACKOFF_BASE_MS: Type.Integer({
    default: 500,
    minimum: 1,
    description: 'first retry waits up to this',
  }),
  WEBHOOK_BACKOFF_MAX_MS: Type.Integer({
    default: 300_000,
    minimum: 1,
    description: 'no retry waits longer',
  }),
  DELIVERY_POLL_MS: Type.Integer({
    default: 1_000,
    minimum: 10,
    description: 'how often the delivery worker looks for due deliveries when not woken',
  }),
  LIVE_PAGE_HEARTBEAT_MS: Type.Integer({
    default: 15_000,
    minimum: 100,
    description: 'interval of SSE heartbeats on GET /events',
  }),
  SSE_MAX_CLIENTS: Type.Integer({
    default: 100,
    minimum: 1,
    description: 'most GET /events streams at once; beyond it 503 with retry-after',
  }),
  SSE_DRAIN_TIMEOUT_MS: Type.Integer({
    default: 10_000,
    minimum: 100,
    description: 'a stream whose client stops reading (socket full, no drain) this long is closed',
  }),
  SSE_MAX_BUFFERED_BYTES: Type.Integer({
    default: 1_000_000,
    minimum: 1_024,
    description: 'a stream with more unsent bytes buffered than this is closed at once',
  }),
});

/** The notifier's validated configuration. */
export type NotifierConfig = Readonly<Static<typeof NotifierConfigSchema>>;

/** The enabled delivery channels, without repeats, in the order given. */
export function enabledChannels(config: Pick<NotifierConfig, 'NOTIFY_CHANNELS'>): DeliveryChannelName[] {
  const names = config.NOTIFY_CHANNELS.split(',').map((name) => name.trim());
  return deliveryChannelNames.filter((name) => names.includes(name));
}

/**
 * Loads and checks the notifier's configuration. Beyond the schema: the webhook channel cannot
 * work without its URL and secret, so that is refused at start rather than at the first delivery.
 */
export function loadNotifierConfig(env: Environment): NotifierConfig {
  const config = loadConfig(NotifierConfigSchema, env);
  if (enabledChannels(config).includes('webhook')) {
    const missing = (['WEBHOOK_URL', 'WEBHOOK_SECRET'] as const).filter((name) => config[name] === undefined);
    if (missing.length > 0) {
      throw new NotifierError(
        'NOTIFIER_CONFIG_INVALID',
        `NOTIFY_CHANNELS includes webhook, so set ${missing.join(' and ')} (or remove webhook from NOTIFY_CHANNELS)`,
      );
    }
  }
  return config;
}
