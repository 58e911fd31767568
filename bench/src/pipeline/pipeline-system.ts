import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppName,
  type AppProcess,
  appEntry,
  appEnvironment,
  findFreePort,
  REPO_ROOT,
  type SystemTopics,
  startAppProcess,
  waitForReady,
} from '@order-service/run-system/apps';
import type { MeasuredProcess } from '../cpu-meter.ts';

/** The running apps of one pipeline under test. */
export type PipelineSystem = {
  orderApiUrl: string;
  /** The processes whose CPU time a phase counts: the apps, and their database server when they use one. */
  processes(): MeasuredProcess[];
  close(): Promise<void>;
};

/**
 * Starts the apps named in `apps` (all three by default) on their own topics, consumer groups and
 * embedded stores in a temporary folder, and waits until each answers /ready.
 */
export async function startPipelineSystem(options: {
  brokers: string;
  topics: SystemTopics;
  runId: string;
  apps?: readonly AppName[];
  label?: string;
  /** Run the apps with --cpu-prof, writing profiles to bench/.tmp/profiles when they exit. */
  cpuProfile?: boolean;
  /** PostgreSQL for the apps (each in schema `<label>_<app>`), with its server's processes; PGlite when absent. */
  postgres?: { databaseUrl: string; processes(): MeasuredProcess[] };
}): Promise<PipelineSystem> {
  const names = options.apps ?? (['order-producer', 'status-worker', 'notifier'] as const);
  const dataRoot = mkdtempSync(join(tmpdir(), `bench-${options.runId}-`));
  const label = options.label ?? 'outbox';
  const started: { name: AppName; process: AppProcess; port: number }[] = [];
  const recentLines: string[] = [];
  try {
    for (const name of names) {
      const port = await findFreePort();
      const process = startAppProcess({
        name,
        entry: appEntry(name),
        environment: appEnvironment({
          name,
          port,
          host: '127.0.0.1',
          brokers: options.brokers,
          dataDir: join(dataRoot, name),
          ...(options.postgres
            ? {
                databaseUrl: options.postgres.databaseUrl,
                databaseSchema: `${label}_${name.replace(/-/g, '_')}`,
              }
            : {}),
          topics: options.topics,
          groupId: `bench-${label}-${name}-${options.runId}`,
          logLevel: 'warn',
        }),
        nodeArguments: options.cpuProfile
          ? ['--cpu-prof', `--cpu-prof-dir=${REPO_ROOT}bench/.tmp/profiles`]
          : [],
        // Kept, not printed: forwarding every log line would load the machine being measured.
        onLine: (line) => {
          recentLines.push(`[${label}:${name}] ${line}`);
          if (recentLines.length > 60) recentLines.shift();
        },
      });
      started.push({ name, process, port });
    }
    await Promise.all(
      started.map((app) =>
        waitForReady(`http://127.0.0.1:${app.port}`, {
          name: app.name,
          isAlive: app.process.isRunning,
          timeoutMs: 90_000,
        }),
      ),
    );
  } catch (error) {
    await Promise.all(started.map((app) => app.process.stop()));
    rmSync(dataRoot, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nLast lines of the apps' output:\n${recentLines.join('\n')}`);
  }
  const orderProducer = started.find((app) => app.name === 'order-producer');
  return {
    orderApiUrl: orderProducer ? `http://127.0.0.1:${orderProducer.port}` : '',
    processes: () => [
      ...started.map((app) => ({ name: app.name, pid: app.process.pid })),
      ...(options.postgres ? options.postgres.processes() : []),
    ],
    async close() {
      await Promise.all(started.map((app) => app.process.stop()));
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
