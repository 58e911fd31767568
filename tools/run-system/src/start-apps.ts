import { join } from 'node:path';
import {
  APPS,
  type AppName,
  type AppProcess,
  appEntry,
  appEnvironment,
  startAppProcess,
  waitForReady,
} from './apps/index.ts';

/** One started app and where it listens. */
export type RunningApp = { name: AppName; port: number; url: string; process: AppProcess };

/** Options of {@link startApps}. */
export type StartAppsOptions = {
  brokers: string;
  /** PostgreSQL for all three apps (one schema each); embedded PGlite under `dataRoot` when absent. */
  databaseUrl?: string;
  dataRoot: string;
  /** The key the apps require; without it they run in development mode (no key needed). */
  apiKey?: string;
  /** ORDER_SERVICE_MODE; default production with a key, development without. */
  mode?: 'production' | 'development';
  onLine: (app: AppName, line: string) => void;
  readyTimeoutMs?: number;
};

/**
 * Starts the three built apps on their default ports and waits until each answers /ready. When one
 * fails to start, the others are stopped before the error is thrown.
 */
export async function startApps(options: StartAppsOptions): Promise<RunningApp[]> {
  const running: RunningApp[] = [];
  try {
    for (const app of APPS) {
      const process = startAppProcess({
        name: app.name,
        entry: appEntry(app.name),
        environment: appEnvironment({
          name: app.name,
          port: app.defaultPort,
          brokers: options.brokers,
          dataDir: join(options.dataRoot, app.name),
          ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
          ...(options.apiKey ? { apiKey: options.apiKey } : {}),
          ...(options.mode ? { mode: options.mode } : {}),
        }),
        onLine: (line) => options.onLine(app.name, line),
        nodeArguments: ['--disable-warning=TimeoutNegativeWarning'],
        ownProcessGroup: true,
      });
      running.push({
        name: app.name,
        port: app.defaultPort,
        url: `http://localhost:${app.defaultPort}`,
        process,
      });
    }
    await Promise.all(
      running.map((app) =>
        waitForReady(`http://127.0.0.1:${app.port}`, {
          name: app.name,
          isAlive: app.process.isRunning,
          timeoutMs: options.readyTimeoutMs ?? 120_000,
        }),
      ),
    );
    return running;
  } catch (error) {
    await stopApps(running);
    throw error;
  }
}

/** Stops the apps, the front door first, so that nothing new enters while the others drain. */
export async function stopApps(apps: readonly RunningApp[]): Promise<void> {
  for (const app of apps) await app.process.stop(20_000);
}
