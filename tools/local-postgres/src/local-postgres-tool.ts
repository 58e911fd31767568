import type { LocalServiceTool } from '@order-service/local-service';
import { LocalPostgresError } from './local-postgres-error.ts';

/** local-postgres as the shared CLI and lock see it: its names and its typed errors. */
export const localPostgresTool: LocalServiceTool = {
  name: 'local-postgres',
  serverName: 'PostgreSQL',
  isToolError: LocalPostgresError.isInstance,
  lockTimeoutError: (message) => new LocalPostgresError('LOCAL_POSTGRES_LOCK_TIMEOUT', message),
};
