import type { PostgresStartResult } from './ensure-postgres-running.ts';
import type { PostgresStatus } from './postgres-status.ts';
import type { PostgresStopResult } from './stop-postgres.ts';

/** The lines `start` prints; the last one can be pasted into a shell or an env file. */
export function formatStartResult(result: PostgresStartResult): string {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  return [
    result.alreadyRunning
      ? `PostgreSQL ${result.serverVersion} is already running (pid ${result.pid}).`
      : `PostgreSQL ${result.serverVersion} started (pid ${result.pid}) in ${seconds} s.`,
    `data: ${result.dataDirectory}`,
    `log: ${result.logFile}`,
    `TEST_DATABASE_URL=${result.url}`,
  ].join('\n');
}

/** The line `stop` prints. */
export function formatStopResult(result: PostgresStopResult): string {
  return result.wasRunning
    ? `PostgreSQL (pid ${result.pid}) stopped.`
    : 'PostgreSQL is not running; nothing to stop.';
}

/** The lines `status` prints. */
export function formatStatus(status: PostgresStatus): string {
  const lines = [status.running ? `running (pid ${status.pid}, port ${status.port})` : 'stopped'];
  if (status.running) {
    lines.push(
      status.error ? `not answering: ${status.error}` : `PostgreSQL ${status.serverVersion} answers`,
    );
    lines.push(`TEST_DATABASE_URL=${status.url}`);
  }
  lines.push(`data: ${status.dataDirectory}`, `log: ${status.logFile}`);
  return lines.join('\n');
}
