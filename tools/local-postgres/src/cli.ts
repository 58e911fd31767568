import { cliUsage, parseCliArguments } from './cli-arguments.ts';
import { formatStartResult, formatStatus, formatStopResult } from './cli-output.ts';
import { ensurePostgresRunning } from './ensure-postgres-running.ts';
import { LocalPostgresError } from './local-postgres-error.ts';
import { postgresStatus } from './postgres-status.ts';
import { stopPostgres } from './stop-postgres.ts';

// Exit codes: 0 done, 1 failed, 2 bad command line, 3 `status` found the server stopped (like `service status`).

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArguments(argv);
  if (!parsed.ok) {
    console.error(`local-postgres: ${parsed.message}\n\n${cliUsage}`);
    return 2;
  }
  const command = parsed.value;
  switch (command.command) {
    case 'help':
      console.log(cliUsage);
      return 0;
    case 'start':
      console.log(
        formatStartResult(await ensurePostgresRunning({ onProgress: (message) => console.log(message) })),
      );
      return 0;
    case 'stop':
      console.log(formatStopResult(await stopPostgres({ force: command.force })));
      return 0;
    case 'status': {
      const status = await postgresStatus();
      console.log(command.json ? JSON.stringify(status, null, 2) : formatStatus(status));
      return status.running ? 0 : 3;
    }
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (LocalPostgresError.isInstance(error)) {
    console.error(`local-postgres: ${error.message}`);
  } else {
    console.error('local-postgres: unexpected failure', error);
  }
  process.exitCode = 1;
}
