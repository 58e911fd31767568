/** prom-client's metric classes, so apps register domain metrics on `metrics.registry` without their own copy. */
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
export { type BackoffOptions, backoffDelay } from './backoff.ts';
export { classifyError, type ErrorClassification } from './classify-error.ts';
export { ConfigError, type ConfigProblem } from './config/config-error.ts';
export { type Environment, loadConfig } from './config/load-config.ts';
export {
  type ConsumerConfig,
  consumerConfigSchema,
  dataDir,
  deadLetterTopic,
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
export { type ConsumedRecord, headersToStrings } from './consumer/consumed-record.ts';
export { consumerReadiness } from './consumer/consumer-readiness.ts';
export { DEAD_LETTER_HEADERS } from './consumer/dead-letter-headers.ts';
export { type BackgroundConsumer, keepConsumerStarted } from './consumer/keep-consumer-started.ts';
export {
  type BatchHandlerContext,
  type ConsumerHandle,
  type ConsumerHealth,
  type DeadLetterBlocked,
  type DeadLetterOptions,
  type HandlerContext,
  type RunConsumerOptions,
  runConsumer,
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
export {
  type ApiKeyGuardOptions,
  apiKeyGuard,
  type HttpAccess,
  type HttpAccessSettings,
  keyMatches,
  READ_TOKEN_COOKIE,
  readCookie,
  readToken,
  resolveHttpAccess,
} from './http/api-key-guard.ts';
export { type BaseServer, type BaseServerOptions, buildBaseServer } from './http/build-base-server.ts';
export { describeError, type ErrorAnswer } from './http/describe-error.ts';
export { ErrorBody, HttpError, runtimeHttpErrors, Violation } from './http/http-error.ts';
export {
  type DependencyMonitor,
  kafkaReadiness,
  monitorDependency,
  type ReadinessCheck,
  runReadinessChecks,
  storeReadiness,
} from './http/readiness.ts';
export { type SchemaValidationError, toViolations } from './http/violations.ts';
export { type CreateKafkaOptions, createKafka, type KafkaClientConfig } from './kafka/create-kafka.ts';
export { createKafkaLogCreator } from './kafka/kafka-log-bridge.ts';
export { type CreateLoggerOptions, createLogger, type Logger } from './logging/create-logger.ts';
export { createMetrics, type Metrics } from './metrics/create-metrics.ts';
export {
  createOutboxRelay,
  type OutboxRelay,
  type OutboxRelayOptions,
} from './outbox/create-outbox-relay.ts';
export { enqueueOutbox } from './outbox/enqueue-outbox.ts';
export { EVENT_ID_HEADER, OUTBOX_COMMITTED_EVENT, type OutboxMessage } from './outbox/outbox-message.ts';
export { outboxReadiness } from './outbox/outbox-readiness.ts';
export {
  type EventPublication,
  findEventPublication,
  type OutboxLag,
  type PendingOutboxRow,
  type SetAsideOutboxRow,
} from './outbox/outbox-repository.ts';
export {
  RECORD_BATCH_OVERHEAD_BYTES,
  type RecordContent,
  recordSizeBytes,
  singleRecordBatchBytes,
} from './outbox/record-size.ts';
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
export { migrate } from './service/migrate.ts';
export { openConfiguredStore } from './service/open-configured-store.ts';
export { runService } from './service/run-service.ts';
export {
  onShutdown,
  type ShutdownHandle,
  type ShutdownOptions,
  type ShutdownStep,
} from './shutdown/on-shutdown.ts';
export type { Migration } from './store/apply-migrations.ts';
export { DATA_DIR_LOCK_FILE, StoreLockedError } from './store/data-dir-lock.ts';
export { type OpenStoreOptions, openStore } from './store/open-store.ts';
export type {
  Queryable,
  QueryResult,
  Store,
  StoreSession,
  Transaction,
} from './store/store.ts';
export { StoreError, storeErrorCodeOf, toStoreError } from './store/store-error.ts';
export { readTraceparent } from './trace/read-traceparent.ts';
