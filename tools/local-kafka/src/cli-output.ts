import type { KafkaStartResult } from './ensure-kafka-running.ts';
import type { KafkaStatus } from './kafka-status.ts';
import type { KafkaStopResult } from './stop-kafka.ts';

/** The lines `start` prints. */
export function formatStartResult(result: KafkaStartResult): string {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  const lines =
    result.mode === 'external'
      ? [`Using the external Kafka cluster at ${result.brokers.join(',')} (KAFKA_BROKERS); it answers.`]
      : [
          result.alreadyRunning
            ? `Kafka ${result.version} is already running (pid ${result.pid}) on ${result.brokers.join(',')}.`
            : `Kafka ${result.version} started (pid ${result.pid}) on ${result.brokers.join(',')} in ${seconds} s.`,
          `log: ${result.logFile}`,
        ];
  const created = result.topics.created.length > 0 ? result.topics.created.join(', ') : 'none';
  lines.push(`topics created: ${created}; already there: ${result.topics.existing.length}`);
  return lines.join('\n');
}

/** The lines `stop` prints. */
export function formatStopResult(result: KafkaStopResult): string {
  if (result.mode === 'external') {
    return `KAFKA_BROKERS=${result.brokers.join(',')} is an external cluster; nothing to stop.`;
  }
  if (!result.wasRunning) {
    return 'Kafka is not running; nothing to stop.';
  }
  return result.how === 'killed' ? `Kafka (pid ${result.pid}) killed.` : `Kafka (pid ${result.pid}) stopped.`;
}

/** The lines `status` prints. */
export function formatStatus(status: KafkaStatus): string {
  const lines: string[] = [];
  if (status.mode === 'external') {
    lines.push(`external (KAFKA_BROKERS): ${status.running ? 'reachable' : 'not reachable'}`);
    lines.push(`brokers: ${status.brokers.join(',')}`);
  } else {
    lines.push(status.running ? `running (Kafka ${status.version}, pid ${status.pid})` : 'stopped');
    lines.push(`broker: ${status.brokers.join(',')}`);
    lines.push(`log: ${status.logFile}`);
  }
  if (status.topics) {
    lines.push(`topics: ${status.topics.length > 0 ? status.topics.join(', ') : '(none)'}`);
  } else if (status.error) {
    lines.push(`topics: unknown (${status.error})`);
  }
  return lines.join('\n');
}
