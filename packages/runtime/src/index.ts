// The runtime's public surface: what the apps use to be composed and to write their parts, and
// nothing else. The Kafka client (kafkajs) is not part of it: no export and no option names a
// kafkajs type, so a change of client stays inside this package.

export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
// The error model
export { classifyError, type ErrorClassification } from './classify-error.ts';
// Configuration
export { ConfigError, type ConfigProblem } from './config/config-error.ts';
export { type Environment, loadConfig } from './config/load-config.ts';
export {
  type ConsumerConfig,
  consumerConfigSchema,
  dataDir,
  httpConfigSchema,
  kafkaConfigSchema,
  outboxConfigSchema,
  port,
  processConfigSchema,
  type ServiceConfig,
  serviceConfigSchema,
  storeConfigSchema,
  topicsConfigSchema,
} from './config/service-config.ts';
// Handling consumed records
export type { ConsumedRecord } from './consumer/consumed-record.ts';
export { DEAD_LETTER_HEADERS } from './consumer/dead-letter-headers.ts';
// Composing a service
export type {
  BatchHandlerContext,
  ConsumerHandle,
  ConsumerHealth,
  HandlerContext,
} from './consumer/run-consumer.ts';
export {
  defineErrorCatalog,
  type ErrorCatalog,
  type ErrorCatalogEntry,
  type ErrorCatalogEntryInput,
  type ErrorCode,
  type ErrorDefinition,
  type ErrorFault,
  type ErrorViolation,
  RuntimeError,
  type RuntimeErrorCode,
  type RuntimeErrorOptions,
  runtimeErrorCatalog,
  ServiceError,
  type ServiceErrorOptions,
} from './errors.ts';
// HTTP
export {
  type ApiKeyGuardOptions,
  apiKeyGuard,
  type HttpAccess,
  keyMatches,
  READ_TOKEN_COOKIE,
  readCookie,
  readToken,
} from './http/api-key-guard.ts';
export { type BaseServer, type BaseServerOptions, buildBaseServer } from './http/build-base-server.ts';
export { ErrorBody, HttpError, Violation } from './http/http-error.ts';
export { type ReadinessCheck, storeReadiness } from './http/readiness.ts';
export { type SchemaValidationError, toViolations } from './http/violations.ts';
export type { KafkaConnectionOptions, SocketFactory } from './kafka/create-kafka.ts';
// Logs and metrics: prom-client's classes, so apps register domain metrics on `metrics.registry`.
export { type CreateLoggerOptions, createLogger, type Logger } from './logging/create-logger.ts';
export { createMetrics, type Metrics } from './metrics/create-metrics.ts';
export { enqueueOutbox } from './outbox/enqueue-outbox.ts';
export type { OutboxMessage } from './outbox/outbox-message.ts';
export { type EventPublication, findEventPublication, type OutboxLag } from './outbox/outbox-repository.ts';
export { recordSizeBytes, singleRecordBatchBytes } from './outbox/record-size.ts';
export {
  type BackgroundWorker,
  type ConsumerHandlers,
  type CreateServiceOptions,
  createService,
  type Service,
  type ServiceContext,
  type ServiceDefinition,
  type ServiceParts,
} from './service/create-service.ts';
// Store and outbox
export { migrate } from './service/migrate.ts';
export { runService } from './service/run-service.ts';
export type { ShutdownStep } from './shutdown/on-shutdown.ts';
export type { Migration } from './store/apply-migrations.ts';
export { DATA_DIR_LOCK_FILE, StoreLockedError } from './store/data-dir-lock.ts';
export { type OpenStoreOptions, openStore } from './store/open-store.ts';
export type { Queryable, QueryResult, Store, StoreSession, Transaction } from './store/store.ts';
export { StoreError, storeErrorCodeOf, toStoreError } from './store/store-error.ts';
export { childTraceparent, readTraceparent } from './trace/read-traceparent.ts';
