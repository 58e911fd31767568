import { readFile } from 'node:fs/promises';
import { isBrokerProcess, readPidFile } from './broker-process.ts';
import { listTopics } from './kafka-admin.ts';
import { resolveKafkaPaths } from './kafka-paths.ts';
import { kafkaRelease } from './kafka-release.ts';
import { readLocalKafkaConfig } from './local-kafka-config.ts';
import { readListeners } from './render-server-properties.ts';

/** The state of the broker the tool manages (or of the external cluster in KAFKA_BROKERS). */
export type KafkaStatus = {
  readonly mode: 'local' | 'external';
  /** Local: the broker process is alive. External: the cluster answered. */
  readonly running: boolean;
  readonly brokers: readonly string[];
  readonly pid?: number;
  readonly version?: string;
  readonly logFile?: string;
  /** Topic names (internal ones left out); absent when the broker did not answer. */
  readonly topics?: readonly string[];
  /** Why the topics could not be listed. */
  readonly error?: string;
};

/** Reports whether the broker runs and which topics it has; never starts or stops anything. */
export async function kafkaStatus(
  options: { env?: Readonly<Record<string, string | undefined>> } = {},
): Promise<KafkaStatus> {
  const config = readLocalKafkaConfig(options.env);
  if (config.externalBrokers) {
    const brokers = config.externalBrokers;
    const listing = await tryListTopics(brokers);
    return { mode: 'external', running: listing.topics !== undefined, brokers, ...listing };
  }
  const paths = resolveKafkaPaths(config.cacheRoot, kafkaRelease.version);
  const brokers = [`${config.host}:${config.port}`];
  const pid = await readPidFile(paths.pidFile);
  const base = { mode: 'local', brokers, version: kafkaRelease.version, logFile: paths.logFile } as const;
  if (pid === undefined || !isBrokerProcess(pid, paths.serverProperties)) {
    return { ...base, running: false };
  }
  // The running broker's own configuration says where it listens, whatever KAFKA_PORT says now.
  const listeners = readListeners(await readFile(paths.serverProperties, 'utf8').catch(() => ''));
  const address = /PLAINTEXT:\/\/([^,]+)/.exec(listeners ?? '')?.[1];
  const runningBrokers = address ? [address] : brokers;
  return { ...base, brokers: runningBrokers, running: true, pid, ...(await tryListTopics(runningBrokers)) };
}

async function tryListTopics(brokers: readonly string[]): Promise<{ topics?: string[]; error?: string }> {
  try {
    return { topics: await listTopics(brokers) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
