import { createDemoOrder, createSeededRandom } from '@order-service/run-system/demo';
import type { Kafka } from 'kafkajs';
import { startCpuMeter } from '../cpu-meter.ts';
import { createLatencyHistogram } from '../latency-histogram.ts';
import type { PhaseResult, SystemUnderTest } from '../phase-result.ts';
import { createPhaseTracker, type PhaseTracker } from '../phase-tracker.ts';
import { type SinkConsumer, startSinkConsumer } from '../sink-consumer.ts';
import { createOrderPoster } from './order-poster.ts';
import type { PipelineSystem } from './pipeline-system.ts';

/** Options of a pipeline phase. */
export type PipelinePhaseRequest =
  | { phase: string; mode: 'rate'; ratePerSecond: number; durationMs: number }
  | { phase: string; mode: 'saturate'; durationMs: number; window: number; concurrency: number };

/** Drives orders into a running pipeline over HTTP and times their notifications. */
export type PipelineDriver = {
  runPhase(request: PipelinePhaseRequest, drainTimeoutMs: number): Promise<PhaseResult>;
  close(): Promise<void>;
};

const ACCEPTED = new Set([200, 201]);

/**
 * Starts a sink on the notifications topic and returns a driver that posts orders with
 * client-chosen ids (known before the answer, so a notification faster than its HTTP answer still
 * counts) and measures each from its intended send time.
 */
export async function createPipelineDriver(options: {
  system: PipelineSystem;
  systemName: SystemUnderTest;
  kafka: Kafka;
  notificationsTopic: string;
  runId: string;
}): Promise<PipelineDriver> {
  const random = createSeededRandom(2);
  let tracker: PhaseTracker = createPhaseTracker('none');
  let intendedById = new Map<string, bigint>();
  const sink: SinkConsumer = await startSinkConsumer({
    kafka: options.kafka,
    topic: options.notificationsTopic,
    groupId: `bench-${options.systemName}-sink-${options.runId}`,
    onRecord: (record) => {
      const intendedNs = intendedById.get(record.key);
      if (intendedNs !== undefined) tracker.recordConsumed(record.key, intendedNs, record.receivedNs);
    },
  });
  const poster = createOrderPoster(options.system.orderApiUrl, 256);

  return {
    async runPhase(request, drainTimeoutMs) {
      tracker = createPhaseTracker(request.phase);
      intendedById = new Map();
      const phaseTracker = tracker;
      const phaseIntended = intendedById;
      const acknowledgement = createLatencyHistogram();
      let sent = 0;
      let acknowledged = 0;
      let inFlight = 0;
      let wake: (() => void) | undefined;
      const postOne = (intendedNs: bigint): Promise<void> => {
        const orderId = `${request.phase}-${sent}`;
        sent += 1;
        inFlight += 1;
        phaseIntended.set(orderId, intendedNs);
        return poster.post(JSON.stringify(createDemoOrder(random, orderId))).then((status) => {
          inFlight -= 1;
          if (ACCEPTED.has(status)) {
            acknowledged += 1;
            acknowledgement.recordNanoseconds(process.hrtime.bigint() - intendedNs);
          }
          wake?.();
        });
      };
      const meter = startCpuMeter(options.system.processes());
      const startNs = process.hrtime.bigint();
      const endNs = startNs + BigInt(request.durationMs) * 1_000_000n;
      const pending: Promise<void>[] = [];
      if (request.mode === 'rate') {
        // Open loop: every order has a slot on a fixed schedule and is sent when its slot comes,
        // however slow earlier answers are; latency counts from the slot (no coordinated omission).
        const intervalNs = BigInt(Math.round(1e9 / request.ratePerSecond));
        const total = Math.max(1, Math.round((request.ratePerSecond * request.durationMs) / 1000));
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            const due = Math.min(total, Number((process.hrtime.bigint() - startNs) / intervalNs) + 1);
            while (sent < due) pending.push(postOne(startNs + BigInt(sent) * intervalNs));
            if (sent >= total) {
              clearInterval(timer);
              resolve();
            }
          }, 1);
        });
      } else {
        phaseTracker.onProgress(() => wake?.());
        while (process.hrtime.bigint() < endNs) {
          const outstanding = acknowledged + inFlight - phaseTracker.consumedCount();
          if (inFlight >= request.concurrency || outstanding >= request.window) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 50);
            });
            continue;
          }
          pending.push(postOne(process.hrtime.bigint()));
        }
      }
      await Promise.all(pending);
      await phaseTracker.waitForConsumed(acknowledged, drainTimeoutMs);
      const cpuSeconds = meter.stop();
      const consumed = phaseTracker.summarize(startNs);
      return {
        system: options.systemName,
        phase: request.phase,
        mode: request.mode,
        ...(request.mode === 'rate' ? { offeredPerSecond: request.ratePerSecond } : {}),
        sent,
        acknowledged,
        consumed: consumed.consumed,
        duplicates: consumed.duplicates,
        throughputPerSecond: consumed.elapsedSeconds > 0 ? consumed.consumed / consumed.elapsedSeconds : 0,
        acknowledgement: acknowledgement.summarize(),
        endToEnd: consumed.endToEnd,
        cpuSeconds,
      };
    },
    async close() {
      poster.close();
      await sink.stop().catch(() => undefined);
    },
  };
}
