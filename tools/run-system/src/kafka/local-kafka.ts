import { ensureKafkaRunning, kafkaStatus, stopKafka } from '@order-service/local-kafka';

/**
 * Variables of tools/local-kafka that select another local broker (for example a fault suite's own
 * broker, which it may stop without disturbing anyone): KAFKA_PORT, KAFKA_CONTROLLER_PORT,
 * ORDER_SERVICE_CACHE (where its jars, data and pid live), KAFKA_HEAP_OPTS, KAFKA_PARTITIONS.
 */
export type LocalKafkaOverrides = Record<string, string>;

/** A local broker: its bootstrap address and process. */
export type LocalKafkaStatus = { running: boolean; brokers: string[]; pid?: number };

/** What starting found: the broker's address and whether it was already running. */
export type LocalKafkaStart = { brokers: string[]; alreadyRunning: boolean; pid?: number };

// KAFKA_BROKERS would switch the tool to an external cluster; these helpers are for a local one.
function localEnvironment(overrides: LocalKafkaOverrides): Record<string, string | undefined> {
  const environment: Record<string, string | undefined> = { ...process.env, ...overrides };
  delete environment.KAFKA_BROKERS;
  return environment;
}

/** Whether the local broker runs, its bootstrap address and pid. */
export async function localKafkaStatus(overrides: LocalKafkaOverrides = {}): Promise<LocalKafkaStatus> {
  const status = await kafkaStatus({ env: localEnvironment(overrides) });
  return {
    running: status.running,
    brokers: [...status.brokers],
    ...(status.pid ? { pid: status.pid } : {}),
  };
}

/** Starts the local broker if it is not running and creates the orders.* topics. */
export async function startLocalKafka(
  onProgress?: (line: string) => void,
  overrides: LocalKafkaOverrides = {},
): Promise<LocalKafkaStart> {
  const result = await ensureKafkaRunning({
    env: localEnvironment(overrides),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    brokers: [...result.brokers],
    alreadyRunning: result.alreadyRunning,
    ...(result.pid ? { pid: result.pid } : {}),
  };
}

/** Stops the local broker (`force`: SIGKILL at once, like a crash); succeeds when it was not running. */
export async function stopLocalKafka(
  options: { force?: boolean } = {},
  overrides: LocalKafkaOverrides = {},
): Promise<void> {
  await stopKafka({ env: localEnvironment(overrides), force: options.force ?? false });
}
