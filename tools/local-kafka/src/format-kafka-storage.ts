import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lastLines, runCommand } from '@order-service/local-service';
import { createKafkaClusterId } from './kafka-cluster-id.ts';
import type { KafkaPaths } from './kafka-paths.ts';
import { LocalKafkaError } from './local-kafka-error.ts';

/** Kafka 4's storage tool (what `kafka-storage.sh` runs). */
export const storageToolMainClass = 'kafka.tools.StorageTool';

/** The storage tool's arguments: a single-node dynamic quorum (`--standalone`), so no voter list is needed. */
export function storageFormatArguments(clusterId: string, serverProperties: string): string[] {
  return [
    'format',
    '--cluster-id',
    clusterId,
    '--config',
    serverProperties,
    '--standalone',
    '--ignore-formatted',
  ];
}

/**
 * Formats the data folder once (KRaft refuses to start on unformatted storage). A folder that
 * already has meta.properties keeps its cluster id and data, which keeps restarts fast.
 */
export async function formatKafkaStorage(options: {
  java: string;
  classpath: string;
  paths: KafkaPaths;
  onProgress?: (message: string) => void;
}): Promise<boolean> {
  const { paths } = options;
  if (existsSync(join(paths.data, 'meta.properties'))) {
    return false;
  }
  options.onProgress?.(`Formatting KRaft storage in ${paths.data}...`);
  const result = await runCommand(options.java, [
    '-cp',
    options.classpath,
    `-Dlog4j2.configurationFile=${paths.log4jConfig}`,
    storageToolMainClass,
    ...storageFormatArguments(createKafkaClusterId(), paths.serverProperties),
  ]);
  if (result.kind === 'missing' || result.code !== 0) {
    const output = result.kind === 'exited' ? `\n${lastLines(result.output, 20)}` : '';
    throw new LocalKafkaError(
      'LOCAL_KAFKA_FORMAT_FAILED',
      `Formatting Kafka storage in ${paths.data} failed. Delete that folder and run again.${output}`,
    );
  }
  return true;
}
