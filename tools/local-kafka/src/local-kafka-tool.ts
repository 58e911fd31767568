import type { LocalServiceTool } from '@order-service/local-service';
import { LocalKafkaError } from './local-kafka-error.ts';

/** local-kafka as the shared CLI and lock see it: its names and its typed errors. */
export const localKafkaTool: LocalServiceTool = {
  name: 'local-kafka',
  serverName: 'Kafka',
  isToolError: LocalKafkaError.isInstance,
  lockTimeoutError: (message) => new LocalKafkaError('LOCAL_KAFKA_LOCK_TIMEOUT', message),
};
