import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Kafka } from 'kafkajs';
import { type MeasuredProcess, startCpuMeter } from '../cpu-meter.ts';
import type { PhaseResult } from '../phase-result.ts';
import { createPhaseTracker } from '../phase-tracker.ts';
import { headerText, type SinkConsumer, startSinkConsumer } from '../sink-consumer.ts';
import { INTENDED_HEADER, phaseOfKey, type SourceCommand, type SourceReport } from './source-protocol.ts';

/** Options of a raw-loop phase. */
export type RawPhaseRequest =
  | { phase: string; mode: 'rate'; ratePerSecond: number; durationMs: number }
  | { phase: string; mode: 'saturate'; durationMs: number; window: number; batchSize: number };

/** The raw kafkajs loop: source -> A -> relay -> B -> relay -> C -> sink. */
export type RawLoop = {
  processes: MeasuredProcess[];
  runPhase(request: RawPhaseRequest, drainTimeoutMs: number): Promise<PhaseResult>;
  close(): Promise<void>;
};

type Child = { name: string; process: ChildProcess };

function forkChild(name: string, file: string, args: string[]): Child {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv: ['--disable-warning=TimeoutNegativeWarning'],
    stdio: 'inherit',
  });
  return { name, process: child };
}

async function waitForReady(child: Child): Promise<void> {
  const [message] = (await once(child.process, 'message')) as [SourceReport];
  if (message.type !== 'ready') throw new Error(`${child.name} failed to start: ${JSON.stringify(message)}`);
}

/** Starts the three processes of the raw loop and the sink on topic C. */
export async function startRawLoop(options: {
  kafka: Kafka;
  brokers: string;
  topics: readonly [string, string, string];
  runId: string;
}): Promise<RawLoop> {
  const [a, b, c] = options.topics;
  const relays = [
    forkChild('raw-relay-1', './relay-process.ts', [options.brokers, a, b, `bench-raw-1-${options.runId}`]),
    forkChild('raw-relay-2', './relay-process.ts', [options.brokers, b, c, `bench-raw-2-${options.runId}`]),
  ];
  const source = forkChild('raw-source', './source-process.ts', [options.brokers, a]);
  const children = [source, ...relays];
  await Promise.all(children.map(waitForReady));

  let tracker = createPhaseTracker('none');
  const sink: SinkConsumer = await startSinkConsumer({
    kafka: options.kafka,
    topic: c,
    groupId: `bench-raw-sink-${options.runId}`,
    onRecord: (record) => {
      if (phaseOfKey(record.key) !== tracker.phase) return;
      const intended = headerText(record.headers, INTENDED_HEADER);
      if (intended !== undefined) tracker.recordConsumed(record.key, BigInt(intended), record.receivedNs);
    },
  });
  const send = (command: SourceCommand) => source.process.send(command);
  const processes = children.map((child) => ({ name: child.name, pid: child.process.pid ?? -1 }));

  return {
    processes,
    async runPhase(request, drainTimeoutMs) {
      tracker = createPhaseTracker(request.phase);
      const phaseTracker = tracker;
      let lastReported = 0;
      phaseTracker.onProgress((consumed) => {
        // Tell the source about progress in steps, so its window moves without an IPC per record.
        if (consumed - lastReported >= 50) {
          lastReported = consumed;
          send({ type: 'consumed', phase: request.phase, count: consumed });
        }
      });
      const progress = setInterval(
        () => send({ type: 'consumed', phase: request.phase, count: phaseTracker.consumedCount() }),
        20,
      );
      const meter = startCpuMeter(processes);
      const finished = new Promise<Extract<SourceReport, { type: 'finished' }>>((resolve, reject) => {
        const listener = (message: SourceReport) => {
          if (message.type === 'failed') reject(new Error(`raw-loop source failed: ${message.message}`));
          if (message.type === 'finished' && message.phase === request.phase) {
            source.process.off('message', listener);
            resolve(message);
          }
        };
        source.process.on('message', listener);
      });
      send({ type: 'run', ...request });
      const report = await finished.finally(() => clearInterval(progress));
      await phaseTracker.waitForConsumed(report.acknowledged, drainTimeoutMs);
      const cpuSeconds = meter.stop();
      const consumed = phaseTracker.summarize(BigInt(report.firstIntendedNs));
      return {
        system: 'raw-loop',
        phase: request.phase,
        mode: request.mode,
        ...(request.mode === 'rate' ? { offeredPerSecond: request.ratePerSecond } : {}),
        sent: report.sent,
        acknowledged: report.acknowledged,
        consumed: consumed.consumed,
        duplicates: consumed.duplicates,
        throughputPerSecond: consumed.elapsedSeconds > 0 ? consumed.consumed / consumed.elapsedSeconds : 0,
        acknowledgement: report.acknowledgement,
        endToEnd: consumed.endToEnd,
        cpuSeconds,
      };
    },
    async close() {
      await sink.stop().catch(() => undefined);
      await Promise.all(
        children.map(async (child) => {
          if (child.process.exitCode !== null) return;
          const exited = once(child.process, 'exit');
          child.process.send({ type: 'close' });
          const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
