import { cliUsage, parseCliArguments } from './cli-arguments.ts';
import { formatStartResult, formatStatus, formatStopResult } from './cli-output.ts';
import { ensureKafkaRunning } from './ensure-kafka-running.ts';
import { kafkaStatus } from './kafka-status.ts';
import { LocalKafkaError } from './local-kafka-error.ts';
import { stopKafka } from './stop-kafka.ts';

// kafkajs 2.2.4 arms a timer with a negative delay on every response (its "throttled until" starts
// at -1), which Node 24 reports as a TimeoutNegativeWarning; harmless (Node uses 1 ms), so the CLI
// keeps it out of its output and prints every other warning as usual.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning') {
    console.warn(`${warning.name}: ${warning.message}`);
  }
});

// Exit codes: 0 done, 1 failed, 2 bad command line, 3 `status` found the broker stopped (like `service status`).

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArguments(argv);
  if (!parsed.ok) {
    console.error(`local-kafka: ${parsed.message}\n\n${cliUsage}`);
    return 2;
  }
  const command = parsed.value;
  switch (command.command) {
    case 'help':
      console.log(cliUsage);
      return 0;
    case 'start':
      console.log(
        formatStartResult(await ensureKafkaRunning({ onProgress: (message) => console.log(message) })),
      );
      return 0;
    case 'stop':
      console.log(formatStopResult(await stopKafka({ force: command.force })));
      return 0;
    case 'status': {
      const status = await kafkaStatus();
      console.log(command.json ? JSON.stringify(status, null, 2) : formatStatus(status));
      return status.running ? 0 : 3;
    }
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (LocalKafkaError.isInstance(error)) {
    console.error(`local-kafka: ${error.message}`);
  } else {
    console.error('local-kafka: unexpected failure', error);
  }
  process.exitCode = 1;
}
