import { fileURLToPath } from 'node:url';

/** The three apps of the Order Service. */
export type AppName = 'order-producer' | 'status-worker' | 'notifier';

/** Each app with the port it listens on by default and what a person opens there. */
export const APPS: readonly { name: AppName; defaultPort: number; purpose: string }[] = [
  { name: 'order-producer', defaultPort: 3001, purpose: 'order API' },
  { name: 'status-worker', defaultPort: 3002, purpose: 'status API' },
  { name: 'notifier', defaultPort: 3003, purpose: 'live page' },
];

/** The repository root (this file sits in tools/run-system/src/apps). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The built entry point of an app, produced by `pnpm turbo build`. */
export function appEntry(name: AppName): string {
  return `${REPO_ROOT}apps/${name}/dist/main.js`;
}

/** Topic names of the three channels, for per-test or per-run overrides. */
export type SystemTopics = { created: string; status: string; notifications: string };

/** What an app needs to know about its surroundings, turned into its environment variables. */
export type AppSettings = {
  name: AppName;
  port: number;
  brokers: string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema of this app's tables, so apps can share one database without sharing an outbox. */
  databaseSchema?: string;
  topics?: SystemTopics;
  groupId?: string;
  /** The key the apps require (x-api-key); with it they run in production mode. */
  apiKey?: string;
  /**
   * ORDER_SERVICE_MODE. Default: production with an `apiKey`, development without one (the apps
   * refuse production without a key).
   */
  mode?: 'production' | 'development';
  logLevel?: string;
  /** Anything else the app reads (for example a benchmark-only knob). */
  extra?: Record<string, string>;
};

/** The PostgreSQL schema an app uses by default when apps share a database: its name in snake_case. */
export function databaseSchemaOf(name: AppName): string {
  return name.replace(/-/g, '_');
}

/** The environment variables (see the brief's system conventions) that configure one app. */
export function appEnvironment(settings: AppSettings): Record<string, string> {
  const environment: Record<string, string> = {
    PORT: String(settings.port),
    KAFKA_BROKERS: settings.brokers,
  };
  if (settings.host) environment.HOST = settings.host;
  if (settings.databaseUrl) {
    environment.DATABASE_URL = settings.databaseUrl;
    environment.DATABASE_SCHEMA = settings.databaseSchema ?? databaseSchemaOf(settings.name);
  } else if (settings.dataDir) environment.DATA_DIR = settings.dataDir;
  if (settings.topics) {
    environment.TOPIC_ORDERS_CREATED = settings.topics.created;
    environment.TOPIC_ORDERS_STATUS = settings.topics.status;
    environment.TOPIC_ORDERS_NOTIFICATIONS = settings.topics.notifications;
  }
  if (settings.groupId) environment.KAFKA_GROUP_ID = settings.groupId;
  if (settings.apiKey) environment.API_KEY = settings.apiKey;
  environment.ORDER_SERVICE_MODE = settings.mode ?? (settings.apiKey ? 'production' : 'development');
  if (settings.logLevel) environment.LOG_LEVEL = settings.logLevel;
  return { ...environment, ...settings.extra };
}
