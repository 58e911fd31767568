import { runLocalServiceCli } from '@order-service/local-service';
import { formatStartResult, formatStatus, formatStopResult } from './cli-output.ts';
import { ensureKafkaRunning } from './ensure-kafka-running.ts';
import { kafkaStatus } from './kafka-status.ts';
import { localKafkaTool } from './local-kafka-tool.ts';
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

/** Usage text of `node tools/local-kafka/src/cli.ts`. */
const usage = `Usage: local-kafka <command> [options]

Commands:
  start            start the local Kafka broker (resolving it with mvn the first time) and create the topics
  stop [--force]   stop it (--force: SIGKILL at once, like a crash)
  status [--json]  print whether it runs; exit code 0 when running, 3 when stopped

Environment:
  KAFKA_BROKERS        use this existing cluster (host:port,...) instead of a local broker
  KAFKA_PARTITIONS     partitions of created topics (default 3)
  KAFKA_PORT           port of the local broker (default 9092); KAFKA_CONTROLLER_PORT (default KAFKA_PORT+1)
  KAFKA_HEAP_OPTS      broker heap flags (default "-Xmx1g -Xms256m")
  ORDER_SERVICE_CACHE  cache folder (default ~/.cache/order-service); Kafka lives in <cache>/kafka/<version>
  JAVA_HOME            Java 17+ to run the broker (default: java on the PATH)`;

process.exitCode = await runLocalServiceCli(
  localKafkaTool,
  {
    usage,
    start: async (onProgress) => formatStartResult(await ensureKafkaRunning({ onProgress })),
    stop: async ({ force }) => formatStopResult(await stopKafka({ force })),
    status: kafkaStatus,
    formatStatus,
  },
  process.argv.slice(2),
);
