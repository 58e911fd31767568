import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  type AppName,
  type AppProcess,
  type AppSettings,
  appEntry,
  appEnvironment,
  findFreePort,
  REPO_ROOT,
  type SystemTopics,
  startAppProcess,
  waitForReady,
} from '@order-service/run-system/apps';

/** One running (or stopped) instance of an app in a test system. */
export type AppInstance = {
  name: AppName;
  index: number;
  url: string;
  settings: AppSettings;
  process: AppProcess;
};

/** Options of {@link startTestSystem}. */
export type TestSystemOptions = {
  brokers: string;
  topics: SystemTopics;
  /** Names this run's folders, consumer groups and log files. */
  runId: string;
  /** Instances per app (default one each). More than one needs `databaseUrl` (PGlite is single-process). */
  instances?: Partial<Record<AppName, number>>;
  databaseUrl?: string;
  /**
   * With a key the apps run in production mode (writes and customer-data reads need x-api-key);
   * without one `appEnvironment` sets ORDER_SERVICE_MODE=development explicitly.
   */
  apiKey?: string;
  extra?: Partial<Record<AppName, Record<string, string>>>;
};

/** The three apps of one test, on their own topics, groups, stores and ports. */
export type TestSystem = {
  readonly instances: AppInstance[];
  /** Where the app's logs are written (test-artifacts/), for reading after a failure. */
  readonly logFolder: string;
  url(name: AppName, index?: number): string;
  instance(name: AppName, index?: number): AppInstance;
  /** SIGKILLs an instance (a crash) and waits until it is gone. */
  kill(name: AppName, index?: number): Promise<void>;
  /** Starts a stopped or killed instance again with the same settings and waits for /ready. */
  restart(name: AppName, index?: number): Promise<void>;
  /** Stops every instance (SIGTERM, then SIGKILL after a grace period) and deletes their embedded stores. */
  stop(): Promise<void>;
};

const APP_NAMES: readonly AppName[] = ['order-producer', 'status-worker', 'notifier'];

/**
 * Starts the built apps (apps/<app>/dist/main.js) as child processes on 127.0.0.1 with free
 * ports, per-run topics and consumer groups, fresh PGlite folders (or one PostgreSQL database with
 * a schema per app), and waits until every instance answers /ready.
 */
export async function startTestSystem(options: TestSystemOptions): Promise<TestSystem> {
  const root = join(REPO_ROOT, 'e2e', 'test-artifacts', options.runId);
  const logFolder = join(root, 'logs');
  mkdirSync(logFolder, { recursive: true });
  const logs = new Map<string, WriteStream>();
  const instances: AppInstance[] = [];

  const launch = (name: AppName, index: number, settings: AppSettings): AppProcess => {
    const key = `${name}-${index}`;
    let log = logs.get(key);
    if (!log) {
      log = createWriteStream(join(logFolder, `${key}.log`), { flags: 'a' });
      logs.set(key, log);
    }
    const stream = log;
    stream.write(`--- start ${new Date().toISOString()} ---\n`);
    return startAppProcess({
      name: key,
      entry: appEntry(name),
      environment: appEnvironment(settings),
      onLine: (line) => stream.write(`${line}\n`),
      nodeArguments: ['--disable-warning=TimeoutNegativeWarning'],
    });
  };
  const ready = (instance: AppInstance) =>
    waitForReady(instance.url, {
      name: `${instance.name}-${instance.index} (logs: ${logFolder})`,
      isAlive: instance.process.isRunning,
      timeoutMs: 120_000,
    });

  for (const name of APP_NAMES) {
    const count = options.instances?.[name] ?? 1;
    if (count > 1 && !options.databaseUrl) {
      throw new Error(`${count} instances of ${name} need a shared PostgreSQL: pass databaseUrl`);
    }
    for (let index = 0; index < count; index += 1) {
      const port = await findFreePort();
      const settings: AppSettings = {
        name,
        port,
        host: '127.0.0.1',
        brokers: options.brokers,
        dataDir: join(root, 'data', `${name}-${index}`),
        topics: options.topics,
        groupId: `e2e-${options.runId}-${name}`,
        logLevel: 'info',
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
        ...(options.apiKey ? { apiKey: options.apiKey } : {}),
        extra: { KAFKA_CLIENT_ID: `e2e-${name}-${index}`, ...options.extra?.[name] },
      };
      instances.push({
        name,
        index,
        url: `http://127.0.0.1:${port}`,
        settings,
        process: launch(name, index, settings),
      });
    }
  }
  const find = (name: AppName, index = 0): AppInstance => {
    const found = instances.find((instance) => instance.name === name && instance.index === index);
    if (!found) throw new Error(`No instance ${index} of ${name} in this test system`);
    return found;
  };
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.process.stop(20_000)));
    for (const log of logs.values()) log.end();
    // The embedded stores are tens of megabytes each; the logs stay for reading after a failure.
    rmSync(join(root, 'data'), { recursive: true, force: true });
  };
  try {
    await Promise.all(instances.map(ready));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    instances,
    logFolder,
    url: (name, index) => find(name, index).url,
    instance: find,
    async kill(name, index) {
      await find(name, index).process.kill();
    },
    async restart(name, index) {
      const instance = find(name, index);
      if (instance.process.isRunning()) await instance.process.stop(20_000);
      instance.process = launch(name, instance.index, instance.settings);
      await ready(instance);
    },
    stop,
  };
}
