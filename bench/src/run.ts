// `pnpm bench`: the load benchmark of issue 7. Starts the raw kafkajs loop, the bare Fastify echo
// and the apps on fresh topics of one broker, runs interleaved rounds, prints the tables and
// writes bench/results/.
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dlqTopic } from '@order-service/contracts';
import { appEntry, findFreePort, type SystemTopics } from '@order-service/run-system/apps';
import { createDemoOrder, createSeededRandom } from '@order-service/run-system/demo';
import { Kafka, logLevel } from 'kafkajs';
import { type BenchPostgres, startBenchPostgres } from './bench-postgres.ts';
import { readBenchSettings } from './bench-settings.ts';
import { ensureBroker } from './ensure-broker.ts';
import { createBenchTopics, deleteBenchTopics } from './kafka-topics.ts';
import { createPipelineDriver, type PipelineDriver } from './pipeline/pipeline-driver.ts';
import { type PipelineSystem, startPipelineSystem } from './pipeline/pipeline-system.ts';
import { type PostgresStatistics, readPostgresStatistics } from './postgres-statistics.ts';
import { startRawLoop } from './raw-loop/raw-loop.ts';
import { computeRatios } from './report/compute-ratios.ts';
import { formatRunSummary } from './report/format-run-summary.ts';
import { renderLatencyChart } from './report/latency-chart.ts';
import { writeResults } from './results-writer.ts';
import { type BenchSystems, runRounds } from './run-rounds.ts';

const log = (line: string) => console.error(`[bench] ${line}`);
const settings = readBenchSettings(process.env);
const startedAt = new Date();
const deadline = Date.now() + settings.budgetMs;
const runId = startedAt.getTime().toString(36);
const brokers = await ensureBroker(process.env.KAFKA_BROKERS, log);
const kafka = new Kafka({
  clientId: `bench-${runId}`,
  brokers: brokers.split(','),
  logLevel: logLevel.NOTHING,
});

const rawTopics = ['a', 'b', 'c'].map((hop) => `bench.${runId}.raw.${hop}`) as [string, string, string];
const systemTopics = (label: string): SystemTopics => ({
  created: `bench.${runId}.${label}.orders.created`,
  status: `bench.${runId}.${label}.orders.status`,
  notifications: `bench.${runId}.${label}.orders.notifications`,
});
const topicsOf = (topics: SystemTopics) => Object.values(topics).flatMap((topic) => [topic, dlqTopic(topic)]);
const pipelineTopics = {
  outbox: systemTopics('outbox'),
  front: systemTopics('front'),
};
const allTopics = [...rawTopics, ...Object.values(pipelineTopics).flatMap(topicsOf)];

const notes: string[] = [];
const closers: (() => Promise<unknown>)[] = [];
let exitCode = 0;
try {
  await createBenchTopics(kafka, allTopics);
  const raw = await startRawLoop({ kafka, brokers, topics: rawTopics, runId });
  closers.push(() => raw.close());

  const echoPort = await findFreePort();
  const echo: ChildProcess = fork(
    fileURLToPath(new URL('./echo-server-process.ts', import.meta.url)),
    [String(echoPort)],
    {
      execArgv: [],
    },
  );
  closers.push(async () => {
    const exited = once(echo, 'exit');
    echo.send({ type: 'close' });
    await exited;
  });
  await once(echo, 'message');

  let postgres: BenchPostgres | undefined;
  if (settings.store === 'postgres') {
    const started = await startBenchPostgres(runId, log);
    postgres = started;
    closers.push(() => started.stop());
  }
  const appsBuilt = (['order-producer', 'status-worker', 'notifier'] as const).every((name) =>
    existsSync(appEntry(name)),
  );
  const startPipeline = async (): Promise<PipelineDriver | undefined> => {
    const topics = pipelineTopics.outbox;
    let system: PipelineSystem;
    try {
      system = await startPipelineSystem({
        brokers,
        topics,
        runId,
        cpuProfile: settings.cpuProfile,
        ...(postgres ? { postgres } : {}),
      });
    } catch (error) {
      notes.push(`pipeline not measured: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    closers.push(() => system.close());
    const driver = await createPipelineDriver({
      system,
      systemName: 'pipeline',
      kafka,
      notificationsTopic: topics.notifications,
      runId,
    });
    closers.push(() => driver.close());
    return driver;
  };
  const systems: BenchSystems = {
    raw,
    echoUrl: `http://127.0.0.1:${echoPort}`,
    orderBody: JSON.stringify(createDemoOrder(createSeededRandom(3))),
  };
  if (appsBuilt) {
    const pipeline = await startPipeline();
    if (pipeline) systems.pipeline = pipeline;
    try {
      const front = await startPipelineSystem({
        brokers,
        topics: pipelineTopics.front,
        runId,
        apps: ['order-producer'],
        label: 'front',
        ...(postgres ? { postgres } : {}),
      });
      closers.push(() => front.close());
      systems.ordersUrl = front.orderApiUrl;
    } catch (error) {
      notes.push(`POST /orders not measured: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    notes.push('pipeline not measured: the apps are not built (run `pnpm turbo build` first)');
  }

  const outcome = await runRounds(systems, settings, deadline, log);
  let postgresStatistics: PostgresStatistics | undefined;
  if (postgres) {
    postgresStatistics = await readPostgresStatistics(postgres.databaseUrl).catch((error: unknown) => {
      notes.push(`PostgreSQL statistics not read: ${String(error)}`);
      return undefined;
    });
  }
  const ratios = computeRatios(outcome.rounds);
  if (outcome.skipped.length > 0) notes.push(`skipped by the time budget: ${outcome.skipped.join('; ')}`);

  const chartPoints = outcome.rounds.flatMap((round) =>
    round.latency.map((phase) => ({
      system: phase.system,
      offeredPerSecond: phase.offeredPerSecond ?? 0,
      ...phase.endToEnd,
    })),
  );
  const svg = renderLatencyChart(
    chartPoints,
    `End-to-end latency vs offered load (3 topic hops, apps on ${settings.store === 'postgres' ? 'PostgreSQL' : 'PGlite'}), ${startedAt.toISOString().slice(0, 10)}`,
  );
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    kernel: release(),
  };
  const document = {
    ...(postgresStatistics ? { postgresStatistics } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    settings,
    ratios,
    notes,
    ...outcome,
  };
  const stamp = `${startedAt.toISOString().replace(/[:.]/g, '-')}-${settings.store}`;
  const written = writeResults(
    fileURLToPath(new URL('../results/', import.meta.url)),
    stamp,
    settings.store,
    document,
    svg,
  );

  console.log(
    formatRunSummary({
      header:
        `Order Service benchmark, ${startedAt.toISOString()} (${machine.cpus} CPUs, ${machine.cpuModel}, Node ${machine.node}); ` +
        `apps on ${settings.store === 'postgres' ? 'PostgreSQL (its own server; its CPU counted with the apps)' : 'embedded PGlite'}`,
      ratios,
      rounds: outcome.rounds,
      ...(postgresStatistics ? { postgresStatistics } : {}),
      notes,
      filesLine: `Results: ${written.json} (also ${written.latestJson}), chart: ${written.svg} (also ${written.latestSvg})`,
    }),
  );
} catch (error) {
  exitCode = 1;
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  for (const close of closers.reverse())
    await close().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  await deleteBenchTopics(kafka, allTopics).catch((error: unknown) =>
    log(`could not delete topics: ${String(error)}`),
  );
}
process.exit(exitCode);
