import { mkdir } from 'node:fs/promises';
import { withFileLock } from '@order-service/local-service';
import { isBrokerProcess, readPidFile, removePidFile, terminateProcess } from './broker-process.ts';
import { resolveKafkaPaths } from './kafka-paths.ts';
import { kafkaRelease } from './kafka-release.ts';
import { readLocalKafkaConfig } from './local-kafka-config.ts';
import { LocalKafkaError } from './local-kafka-error.ts';
import { localKafkaTool } from './local-kafka-tool.ts';

/** Options of `stopKafka`. */
export type StopKafkaOptions = {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Time for a clean shutdown before SIGKILL (default 60 s). */
  readonly timeoutMs?: number;
  /** SIGKILL at once: a crash, for fault tests (the next start recovers the logs). */
  readonly force?: boolean;
};

/** What `stopKafka` did. */
export type KafkaStopResult =
  | { readonly mode: 'external'; readonly brokers: readonly string[] }
  | { readonly mode: 'local'; readonly wasRunning: false }
  | {
      readonly mode: 'local';
      readonly wasRunning: true;
      readonly pid: number;
      readonly how: 'exited' | 'killed';
    };

/**
 * Stops the local broker and waits until its process is gone; succeeds when it was not running.
 * An external cluster (KAFKA_BROKERS) is never touched.
 */
export async function stopKafka(options: StopKafkaOptions = {}): Promise<KafkaStopResult> {
  const config = readLocalKafkaConfig(options.env);
  if (config.externalBrokers) {
    return { mode: 'external', brokers: config.externalBrokers };
  }
  const paths = resolveKafkaPaths(config.cacheRoot, kafkaRelease.version);
  await mkdir(paths.root, { recursive: true });
  return withFileLock(
    paths.lockFile,
    async () => {
      const pid = await readPidFile(paths.pidFile);
      if (pid === undefined || !isBrokerProcess(pid, paths.serverProperties)) {
        await removePidFile(paths.pidFile);
        return { mode: 'local', wasRunning: false } as const;
      }
      try {
        const how = await terminateProcess(pid, {
          timeoutMs: options.timeoutMs ?? 60_000,
          force: options.force,
        });
        await removePidFile(paths.pidFile);
        return { mode: 'local', wasRunning: true, pid, how } as const;
      } catch (error) {
        throw new LocalKafkaError(
          'LOCAL_KAFKA_STOP_TIMEOUT',
          `Kafka (pid ${pid}) did not stop: ${error instanceof Error ? error.message : String(error)}. See ${paths.logFile}.`,
          { cause: error },
        );
      }
    },
    { tool: localKafkaTool, timeoutMs: 5 * 60_000 },
  );
}
