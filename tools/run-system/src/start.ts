// `pnpm start`: the whole Order Service on one machine. Local Kafka (unless KAFKA_BROKERS is set),
// the three built apps on their embedded stores (or DATABASE_URL), their logs prefixed, the
// addresses printed, an optional demo feed; Ctrl-C stops the apps, then the Kafka it started.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APPS, appEntry, REPO_ROOT } from './apps/index.ts';
import { createSeededRandom } from './demo/create-random.ts';
import { startDemo } from './demo/run-demo.ts';
import { formatLogLine } from './format-log-line.ts';
import { parseArguments, USAGE, UsageError } from './parse-arguments.ts';
import { type KafkaHandle, provideKafka } from './provide-kafka.ts';
import { type RunningApp, startApps, stopApps } from './start-apps.ts';
import { formatWelcome } from './welcome-message.ts';

const say = (line: string) => console.log(`[run-system]     ${line}`);

let options: ReturnType<typeof parseArguments>;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError ? error.message : String(error));
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const missing = APPS.filter((app) => !existsSync(appEntry(app.name))).map((app) => app.name);
if (missing.length > 0) {
  console.error(
    `These apps are not built: ${missing.join(', ')}. Run \`pnpm build\` first, then \`pnpm start\` again.`,
  );
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL || undefined;
// The apps refuse production without a key: use the caller's API_KEY, or make one for this run
// (printed in the welcome), unless the caller asked for ORDER_SERVICE_MODE=development.
const givenApiKey = process.env.API_KEY || undefined;
const development = process.env.ORDER_SERVICE_MODE === 'development';
const generatedApiKey =
  givenApiKey === undefined && !development ? randomBytes(24).toString('base64url') : undefined;
const apiKey = givenApiKey ?? generatedApiKey;
const dataRoot = join(REPO_ROOT, '.data');
if (options.fresh && !databaseUrl) {
  rmSync(dataRoot, { recursive: true, force: true });
  say(`deleted the embedded stores in ${dataRoot}`);
}

let kafka: KafkaHandle | undefined;
let apps: RunningApp[] = [];
let demo: { stop(): void } | undefined;
let stopping = false;

async function shutdown(exitCode: number): Promise<never> {
  stopping = true;
  demo?.stop();
  if (apps.length > 0) say('stopping the apps...');
  await stopApps(apps);
  if (kafka?.startedHere) say('stopping the local Kafka this command started...');
  await kafka?.release().catch((error: unknown) => say(`could not stop Kafka: ${String(error)}`));
  say('stopped.');
  process.exit(exitCode);
}

// The apps run in their own process groups (see startApps): should this process end without its
// shutdown, they must not outlive it.
process.on('exit', () => {
  for (const app of apps) if (app.process.isRunning()) process.kill(app.process.pid, 'SIGKILL');
});
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    // A second Ctrl-C: do not wait for clean shutdowns any more.
    for (const app of apps) void app.process.kill();
    process.exit(130);
  }
  say(`${signal}: shutting down (press Ctrl-C again to kill at once)`);
  void shutdown(0);
}

try {
  say(
    process.env.KAFKA_BROKERS
      ? `using Kafka at ${process.env.KAFKA_BROKERS}`
      : 'making sure the local Kafka runs...',
  );
  kafka = await provideKafka(process.env.KAFKA_BROKERS || undefined, say);
  say('starting order-producer, status-worker and notifier...');
  apps = await startApps({
    brokers: kafka.brokers,
    dataRoot,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(development ? { mode: 'development' as const } : {}),
    onLine: (app, line) => console.log(formatLogLine(app, line)),
  });
} catch (error) {
  console.error(
    `[run-system]     could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  await shutdown(1);
}

for (const app of apps) {
  void app.process.exited.then((exit) => {
    if (stopping) return;
    say(`${app.name} exited unexpectedly (code ${exit.code}, signal ${exit.signal}); stopping everything`);
    void shutdown(1);
  });
}

const urlOf = (name: RunningApp['name']) => apps.find((app) => app.name === name)?.url ?? '';
console.log(
  formatWelcome({
    orderApiUrl: urlOf('order-producer'),
    statusApiUrl: urlOf('status-worker'),
    livePageUrl: urlOf('notifier'),
    brokers: kafka?.brokers ?? '',
    kafkaStartedHere: kafka?.startedHere ?? false,
    store: databaseUrl ? 'postgres' : 'embedded',
    dataRoot,
    demo: options.demo,
    apiKeySet: givenApiKey !== undefined,
    ...(generatedApiKey ? { generatedApiKey } : {}),
  }),
);
if (options.demo) {
  demo = startDemo({
    orderApiUrl: urlOf('order-producer'),
    statusApiUrl: urlOf('status-worker'),
    ordersPerMinute: options.demoOrdersPerMinute,
    random: createSeededRandom(Date.now() % 2 ** 31),
    ...(apiKey ? { apiKey } : {}),
    log: say,
  });
}
