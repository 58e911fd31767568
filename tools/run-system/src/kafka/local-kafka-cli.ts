import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../apps/app-definitions.ts';

// tools/local-kafka is driven through its command line (the same one `pnpm kafka:start` runs):
// its package exports no module, and a separate process keeps its locks and JVM handling its own.
const CLI = `${REPO_ROOT}tools/local-kafka/src/cli.ts`;

/** What `local-kafka status --json` reports (the fields this package reads). */
export type LocalKafkaStatus = { running: boolean; brokers: string[]; pid?: number };

/**
 * Variables of the tool that select another local broker (for example a fault suite's own broker
 * that it may stop without disturbing anyone): KAFKA_PORT, KAFKA_CONTROLLER_PORT,
 * ORDER_SERVICE_CACHE (where its data and pid live), KAFKA_HEAP_OPTS, KAFKA_PARTITIONS.
 */
export type LocalKafkaOverrides = Record<string, string>;

function localEnvironment(overrides: LocalKafkaOverrides): Record<string, string> {
  // KAFKA_BROKERS would switch the tool to an external cluster; these helpers are for a local one.
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'KAFKA_BROKERS') environment[key] = value;
  }
  return { ...environment, ...overrides };
}

function runCli(
  args: string[],
  overrides: LocalKafkaOverrides,
  onLine?: (line: string) => void,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', CLI, ...args], {
      cwd: REPO_ROOT,
      env: localEnvironment(overrides),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
        lines.push(line);
        onLine?.(line);
      });
    }
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output: lines.join('\n') }));
  });
}

/** Whether the local broker runs, its bootstrap address and pid. */
export async function localKafkaStatus(overrides: LocalKafkaOverrides = {}): Promise<LocalKafkaStatus> {
  const result = await runCli(['status', '--json'], overrides);
  try {
    const parsed = JSON.parse(result.output) as Partial<LocalKafkaStatus>;
    return {
      running: parsed.running === true,
      brokers: parsed.brokers ?? [],
      ...(parsed.pid ? { pid: parsed.pid } : {}),
    };
  } catch {
    throw new Error(
      `local-kafka status answered something unexpected (exit ${result.code}):\n${result.output}`,
    );
  }
}

/** Starts the local broker if it is not running and creates the orders.* topics; throws with its output on failure. */
export async function startLocalKafka(
  onLine?: (line: string) => void,
  overrides: LocalKafkaOverrides = {},
): Promise<void> {
  const result = await runCli(['start'], overrides, onLine);
  if (result.code !== 0) throw new Error(`local-kafka start failed (exit ${result.code}):\n${result.output}`);
}

/** Stops the local broker (`force`: SIGKILL at once, like a crash); succeeds when it was not running. */
export async function stopLocalKafka(
  options: { force?: boolean } = {},
  overrides: LocalKafkaOverrides = {},
): Promise<void> {
  const result = await runCli(options.force ? ['stop', '--force'] : ['stop'], overrides);
  if (result.code !== 0) throw new Error(`local-kafka stop failed (exit ${result.code}):\n${result.output}`);
}
