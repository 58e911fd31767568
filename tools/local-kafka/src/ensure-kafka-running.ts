import { appendFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { isPortFree, lastLines, withFileLock } from '@order-service/local-service';
import { buildClasspath } from './broker-classpath.ts';
import { buildBrokerArguments } from './broker-command.ts';
import { isBrokerProcess, readPidFile, removePidFile, spawnDetached } from './broker-process.ts';
import { formatKafkaStorage } from './format-kafka-storage.ts';
import { javaExecutable, requireJava } from './java-prerequisites.ts';
import { createTopics, type TopicsResult, waitForBroker } from './kafka-admin.ts';
import { type KafkaPaths, resolveKafkaPaths } from './kafka-paths.ts';
import { kafkaRelease } from './kafka-release.ts';
import { defaultTopicNames, type LocalKafkaConfig, readLocalKafkaConfig } from './local-kafka-config.ts';
import { LocalKafkaError } from './local-kafka-error.ts';
import { localKafkaTool } from './local-kafka-tool.ts';
import { provisionKafkaJars } from './provision-kafka-jars.ts';
import { renderLog4jConfig } from './render-log4j-config.ts';
import { readListeners, renderServerProperties } from './render-server-properties.ts';

/** Options of `ensureKafkaRunning`; every field has a default. */
export type EnsureKafkaOptions = {
  /** Environment to read the configuration from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Topics to create when missing (default: the Order Service topics and their .dlq topics). */
  readonly topics?: readonly string[];
  /** Partitions of created topics (default: KAFKA_PARTITIONS, else 3). */
  readonly partitions?: number;
  /** How long to wait for the broker to answer (default 90 s). */
  readonly startTimeoutMs?: number;
  /** Receives one line per slow step (resolving, formatting, starting). */
  readonly onProgress?: (message: string) => void;
};

/** What `ensureKafkaRunning` found or did. */
export type KafkaStartResult = {
  readonly mode: 'local' | 'external';
  readonly brokers: readonly string[];
  readonly alreadyRunning: boolean;
  readonly pid?: number;
  readonly version?: string;
  readonly logFile?: string;
  readonly topics: TopicsResult;
  /** Whether Maven ran (first start of a version on this machine). */
  readonly resolvedJars: boolean;
  readonly elapsedMs: number;
};

const defaultStartTimeoutMs = 90_000;
const logRotationBytes = 20 * 1024 * 1024;

/**
 * Makes sure a broker answers and the topics exist: starts the local broker if it is not running
 * (resolving and formatting only the first time), or, with KAFKA_BROKERS set, only checks that
 * cluster. Safe to call from several processes at once.
 */
export async function ensureKafkaRunning(options: EnsureKafkaOptions = {}): Promise<KafkaStartResult> {
  const startedAt = Date.now();
  const config = readLocalKafkaConfig(options.env);
  const topicNames = options.topics ?? defaultTopicNames;
  const partitions = options.partitions ?? config.partitions;
  const timeoutMs = options.startTimeoutMs ?? defaultStartTimeoutMs;

  if (config.externalBrokers) {
    const brokers = config.externalBrokers;
    const wait = await waitForBroker(brokers, { timeoutMs: Math.min(timeoutMs, 30_000) });
    if (wait.outcome !== 'ready') {
      throw new LocalKafkaError(
        'LOCAL_KAFKA_UNREACHABLE',
        `KAFKA_BROKERS=${brokers.join(',')} does not answer (${wait.lastError}). ` +
          'Start that cluster, or unset KAFKA_BROKERS to run the local broker.',
      );
    }
    const topics = await ensureTopics(brokers, topicNames, partitions);
    return {
      mode: 'external',
      brokers,
      alreadyRunning: true,
      topics,
      resolvedJars: false,
      elapsedMs: Date.now() - startedAt,
    };
  }

  const paths = resolveKafkaPaths(config.cacheRoot, kafkaRelease.version);
  await mkdir(paths.logs, { recursive: true });
  return withFileLock(
    paths.lockFile,
    async () => {
      const brokers = [`${config.host}:${config.port}`];
      const recordedPid = await readPidFile(paths.pidFile);
      const runningPid =
        recordedPid !== undefined && isBrokerProcess(recordedPid, paths.serverProperties)
          ? recordedPid
          : undefined;
      const alreadyRunning = runningPid !== undefined;
      let brokerPid: number;
      let resolvedJars = false;
      if (runningPid !== undefined) {
        await requireSameListeners(config, paths);
        brokerPid = runningPid;
      } else {
        const started = await startBroker(config, paths, options.env, options.onProgress);
        brokerPid = started.pid;
        resolvedJars = started.resolvedJars;
      }
      const wait = await waitForBroker(brokers, {
        timeoutMs,
        isAlive: () => isBrokerProcess(brokerPid, paths.serverProperties),
      });
      if (wait.outcome === 'exited') {
        await removePidFile(paths.pidFile);
        const log = await readFile(paths.logFile, 'utf8').catch(() => '');
        throw new LocalKafkaError(
          'LOCAL_KAFKA_BROKER_EXITED',
          `Kafka exited during start-up. Its log is ${paths.logFile}; the last lines:\n${lastLines(log, 20)}`,
        );
      }
      if (wait.outcome === 'timeout') {
        throw new LocalKafkaError(
          'LOCAL_KAFKA_START_TIMEOUT',
          `Kafka (pid ${brokerPid}) did not answer on ${brokers[0]} within ${Math.round(timeoutMs / 1000)} s ` +
            `(${wait.lastError}). See its log: ${paths.logFile}. It was left running; stop it with "pnpm kafka:stop".`,
        );
      }
      const topics = await ensureTopics(brokers, topicNames, partitions);
      return {
        mode: 'local',
        brokers,
        alreadyRunning,
        pid: brokerPid,
        version: kafkaRelease.version,
        logFile: paths.logFile,
        topics,
        resolvedJars,
        elapsedMs: Date.now() - startedAt,
      };
    },
    { tool: localKafkaTool, timeoutMs: 5 * 60_000, onProgress: options.onProgress },
  );
}

async function startBroker(
  config: LocalKafkaConfig,
  paths: KafkaPaths,
  env: Readonly<Record<string, string | undefined>> | undefined,
  onProgress: ((message: string) => void) | undefined,
): Promise<{ pid: number; resolvedJars: boolean }> {
  await removePidFile(paths.pidFile);
  const java = javaExecutable(env);
  await requireJava(java);
  for (const port of [config.port, config.controllerPort]) {
    if (!(await isPortFree('127.0.0.1', port))) {
      throw new LocalKafkaError(
        'LOCAL_KAFKA_PORT_IN_USE',
        `Port ${port} is taken by another process, so the local Kafka cannot listen on it. ` +
          `Find it with "ss -ltnp 'sport = :${port}'" and stop it; if it is a Kafka you want to use, ` +
          `set KAFKA_BROKERS=${config.host}:${config.port} instead; or run this one elsewhere with KAFKA_PORT.`,
      );
    }
  }
  // After the port check: a port conflict should not wait for Maven first.
  const { jars, resolved } = await provisionKafkaJars(paths, kafkaRelease, {
    offline: config.mavenOffline,
    onProgress,
  });
  await writeFile(
    paths.serverProperties,
    renderServerProperties({
      host: config.host,
      port: config.port,
      controllerPort: config.controllerPort,
      dataDirectory: paths.data,
      partitions: config.partitions,
    }),
  );
  await writeFile(paths.log4jConfig, renderLog4jConfig());
  const classpath = buildClasspath(paths.libs, jars);
  await formatKafkaStorage({ java, classpath, paths, onProgress });
  await rotateLog(paths.logFile);
  await appendFile(
    paths.logFile,
    `\n=== local-kafka: starting Kafka ${kafkaRelease.version} at ${new Date().toISOString()} ===\n`,
  );
  onProgress?.(
    `Starting Kafka ${kafkaRelease.version} on ${config.host}:${config.port} (log: ${paths.logFile})...`,
  );
  const pid = await spawnDetached({
    command: java,
    args: buildBrokerArguments({
      heapOptions: config.heapOptions,
      classpath,
      log4jConfig: paths.log4jConfig,
      logsDirectory: paths.logs,
      serverProperties: paths.serverProperties,
    }),
    logFile: paths.logFile,
    pidFile: paths.pidFile,
  });
  return { pid, resolvedJars: resolved };
}

// A broker started earlier with other ports (KAFKA_PORT) would be mistaken for the one asked for.
async function requireSameListeners(config: LocalKafkaConfig, paths: KafkaPaths): Promise<void> {
  const running = readListeners(await readFile(paths.serverProperties, 'utf8').catch(() => ''));
  const wanted = readListeners(renderServerProperties({ ...config, dataDirectory: paths.data }));
  if (running !== wanted) {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_CONFIG_CHANGED',
      `The Kafka running from ${paths.root} listens on ${running ?? 'unknown ports'}, not ${wanted}. ` +
        'Stop it first ("pnpm kafka:stop"), or use another ORDER_SERVICE_CACHE for a second broker.',
    );
  }
}

async function ensureTopics(brokers: readonly string[], names: readonly string[], partitions: number) {
  try {
    return await createTopics(brokers, names, partitions);
  } catch (error) {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_TOPICS_FAILED',
      `Creating topics on ${brokers.join(',')} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

// One log file across restarts keeps the history of fault tests; keep it from growing forever.
async function rotateLog(logFile: string): Promise<void> {
  const size = await stat(logFile).then(
    (info) => info.size,
    () => 0,
  );
  if (size > logRotationBytes) {
    await rename(logFile, `${logFile}.1`);
  }
}
