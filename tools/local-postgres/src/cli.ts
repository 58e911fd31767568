import { runLocalServiceCli } from '@order-service/local-service';
import { formatStartResult, formatStatus, formatStopResult } from './cli-output.ts';
import { ensurePostgresRunning } from './ensure-postgres-running.ts';
import { localPostgresTool } from './local-postgres-tool.ts';
import { postgresStatus } from './postgres-status.ts';
import { stopPostgres } from './stop-postgres.ts';

/** Usage text of `node tools/local-postgres/src/cli.ts`. */
const usage = `Usage: local-postgres <command> [options]

Commands:
  start            start the test PostgreSQL (initdb the first time); prints TEST_DATABASE_URL=...
  stop [--force]   stop it (--force: "immediate" mode, like a crash)
  status [--json]  print whether it runs; exit code 0 when running, 3 when stopped

Environment:
  PG_PORT              port on 127.0.0.1 (default 54329)
  PG_BIN_DIR           folder with initdb/pg_ctl/postgres (default: newest /usr/lib/postgresql/*/bin)
  ORDER_SERVICE_CACHE  cache folder (default ~/.cache/order-service); data in <cache>/postgres/data`;

process.exitCode = await runLocalServiceCli(
  localPostgresTool,
  {
    usage,
    start: async (onProgress) => formatStartResult(await ensurePostgresRunning({ onProgress })),
    stop: async ({ force }) => formatStopResult(await stopPostgres({ force })),
    status: postgresStatus,
    formatStatus,
  },
  process.argv.slice(2),
);
