export { queryServerVersion } from './check-connection.ts';
export {
  type EnsurePostgresOptions,
  ensurePostgresRunning,
  type PostgresStartResult,
  startPostgres,
} from './ensure-postgres-running.ts';
export {
  type LocalPostgresConfig,
  readLocalPostgresConfig,
  testDatabaseUrl,
} from './local-postgres-config.ts';
export {
  LocalPostgresError,
  type LocalPostgresErrorCode,
  localPostgresErrorCodes,
} from './local-postgres-error.ts';
export { type PostgresStatus, postgresStatus } from './postgres-status.ts';
export { type PostgresStopResult, type StopPostgresOptions, stopPostgres } from './stop-postgres.ts';
