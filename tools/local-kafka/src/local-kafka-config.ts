import { homedir } from 'node:os';
import { join } from 'node:path';
import { LocalKafkaError } from './local-kafka-error.ts';

/** The topics every app of the Order Service needs, with their dead-letter topics. */
export const defaultTopicNames: readonly string[] = [
  'orders.created',
  'orders.status',
  'orders.notifications',
  'orders.created.dlq',
  'orders.status.dlq',
  'orders.notifications.dlq',
];

/** Settings of the tool, read from the environment by `readLocalKafkaConfig`. */
export type LocalKafkaConfig = {
  /** Brokers of an existing cluster (KAFKA_BROKERS); when set, no local broker is run. */
  readonly externalBrokers: readonly string[] | undefined;
  readonly partitions: number;
  /** Root of the cache shared by the project's tools (ORDER_SERVICE_CACHE). */
  readonly cacheRoot: string;
  /** JVM heap flags of the broker (KAFKA_HEAP_OPTS). */
  readonly heapOptions: readonly string[];
  readonly host: string;
  readonly port: number;
  readonly controllerPort: number;
  /** Resolve the jars from the local Maven repository only, never Maven Central (KAFKA_MAVEN_OFFLINE=1). */
  readonly mavenOffline: boolean;
};

type Environment = Readonly<Record<string, string | undefined>>;

/** Reads and checks the tool's environment variables; throws LOCAL_KAFKA_BAD_CONFIG naming each bad one. */
export function readLocalKafkaConfig(env: Environment = process.env): LocalKafkaConfig {
  const problems: string[] = [];

  const brokersText = env.KAFKA_BROKERS?.trim();
  const externalBrokers = brokersText
    ? brokersText
        .split(',')
        .map((broker) => broker.trim())
        .filter((broker) => broker.length > 0)
    : undefined;
  for (const broker of externalBrokers ?? []) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker)) {
      problems.push(`KAFKA_BROKERS: "${broker}" is not host:port (example: KAFKA_BROKERS=localhost:9092)`);
    }
  }

  const partitionsText = env.KAFKA_PARTITIONS?.trim() || '3';
  const partitions = Number(partitionsText);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1000) {
    problems.push(`KAFKA_PARTITIONS: "${partitionsText}" is not a whole number from 1 to 1000`);
  }

  const heapText = env.KAFKA_HEAP_OPTS?.trim() || '-Xmx1g -Xms256m';
  const heapOptions = heapText.split(/\s+/);
  if (heapOptions.some((option) => !option.startsWith('-X'))) {
    problems.push(`KAFKA_HEAP_OPTS: "${heapText}" should only hold JVM heap flags such as "-Xmx1g -Xms256m"`);
  }

  const port = readPort(env, 'KAFKA_PORT', 9092, problems);
  const controllerPort = readPort(env, 'KAFKA_CONTROLLER_PORT', port + 1, problems);
  if (port === controllerPort) {
    problems.push(`KAFKA_CONTROLLER_PORT: must differ from KAFKA_PORT (${port})`);
  }

  const offlineText = env.KAFKA_MAVEN_OFFLINE?.trim() || '0';
  if (offlineText !== '0' && offlineText !== '1') {
    problems.push(`KAFKA_MAVEN_OFFLINE: "${offlineText}" is neither 0 nor 1`);
  }

  if (problems.length > 0) {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_BAD_CONFIG',
      `Bad environment for local Kafka:\n  ${problems.join('\n  ')}`,
    );
  }

  return Object.freeze({
    externalBrokers:
      externalBrokers && externalBrokers.length > 0 ? Object.freeze(externalBrokers) : undefined,
    partitions,
    cacheRoot: env.ORDER_SERVICE_CACHE?.trim() || join(homedir(), '.cache', 'order-service'),
    heapOptions: Object.freeze(heapOptions),
    host: 'localhost',
    port,
    controllerPort,
    mavenOffline: offlineText === '1',
  });
}

function readPort(env: Environment, name: string, fallback: number, problems: string[]): number {
  const text = env[name]?.trim();
  if (!text) {
    return fallback;
  }
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`${name}: "${text}" is not a port number (1-65535)`);
  }
  return port;
}
