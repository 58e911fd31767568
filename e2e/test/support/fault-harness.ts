import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppName } from '@order-service/run-system/apps';
import { createSeededRandom, type Random } from '@order-service/run-system/demo';
import { startTopicRecorder, type TopicRecorder, testKafka } from '@order-service/test-support';
import { createDeliveryLedger, type DeliveryLedger } from './delivery-ledger.ts';
import { type OrderStream, startOrderStream } from './order-stream.ts';
import { type ChannelKind, checkRecordContract } from './record-contract.ts';
import { createProcessingIndex } from './status-index.ts';
import { createSystemTopics, systemTopicNames } from './system-kafka.ts';
import { startTestSystem, type TestSystem } from './test-system.ts';
import { type DeliveryReport, formatDeliveryCounts, verifyDelivery } from './verify-delivery.ts';

/** How big a fault run is: the reduced CI version, or FULL=1. */
export type FaultRunSize = { ratePerSecond: number; maxOrders: number; cycles: number };

/** The reduced run for CI (a few hundred orders), or a longer one with FULL=1. */
export function faultRunSize(): FaultRunSize {
  return process.env.FULL === '1'
    ? { ratePerSecond: 20, maxOrders: 3_000, cycles: 3 }
    : { ratePerSecond: 6, maxOrders: 300, cycles: 1 };
}

/** A system under a steady stream of orders, with everything needed to break it and check it. */
export type FaultHarness = {
  system: TestSystem;
  random: Random;
  ledger: DeliveryLedger;
  /** Pauses for a random time between `minMs` and `maxMs` (when the next fault strikes). */
  pause(minMs: number, maxMs: number): Promise<void>;
  /** Running instances' base URLs of one app. */
  liveUrls(name: AppName): string[];
  /** Waits for the stream to finish, then for the topics to catch up; returns the final report. */
  finish(label: string): Promise<DeliveryReport>;
  close(): Promise<void>;
};

/** Starts the system (per-run topics, groups and stores) and a stream of orders through it. */
export async function startFaultHarness(options: {
  brokers: string;
  label: string;
  size: FaultRunSize;
  instances?: Partial<Record<AppName, number>>;
  databaseUrl?: string;
}): Promise<FaultHarness> {
  const runId = `${options.label}-${randomUUID().slice(0, 8)}`;
  const topics = systemTopicNames(options.label);
  const kafka = testKafka({ brokers: options.brokers, clientId: 'e2e' });
  const created = await createSystemTopics(kafka, topics);
  const recorders = new Map<ChannelKind, TopicRecorder>();
  for (const [kind, topic] of Object.entries(topics) as [ChannelKind, string][]) {
    recorders.set(kind, await startTopicRecorder(kafka, topic));
  }
  const system = await startTestSystem({
    brokers: options.brokers,
    topics,
    runId,
    ...(options.instances ? { instances: options.instances } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
  });
  const random = createSeededRandom(Number.parseInt(runId.slice(-8), 16) || 1);
  const ledger = createDeliveryLedger();
  const statusRecorder = recorders.get('status');
  if (!statusRecorder) throw new Error('no recorder for orders.status');
  const liveUrls = (name: AppName) =>
    system.instances
      .filter((instance) => instance.name === name && instance.process.isRunning())
      .map((instance) => instance.url);
  const stream: OrderStream = startOrderStream({
    orderApis: () => liveUrls('order-producer'),
    statusApis: () => liveUrls('status-worker'),
    ratePerSecond: options.size.ratePerSecond,
    maxOrders: options.size.maxOrders,
    ledger,
    isProcessing: createProcessingIndex(statusRecorder),
    random,
    runId,
  });
  const report = () =>
    verifyDelivery(ledger, {
      created: (recorders.get('created')?.records ?? []).map((record) =>
        checkRecordContract('created', record),
      ),
      status: (recorders.get('status')?.records ?? []).map((record) => checkRecordContract('status', record)),
      notifications: (recorders.get('notifications')?.records ?? []).map((record) =>
        checkRecordContract('notifications', record),
      ),
    });

  return {
    system,
    random,
    ledger,
    pause: (minMs, maxMs) => sleep(minMs + Math.floor(random() * (maxMs - minMs))),
    liveUrls,
    async finish(label) {
      const streamDeadline =
        Date.now() + (options.size.maxOrders / options.size.ratePerSecond) * 1000 + 60_000;
      while (stream.placed() < options.size.maxOrders && Date.now() < streamDeadline) await sleep(250);
      await stream.stop();
      // Everything was acknowledged or given up; now the topics must catch up (relays, consumers).
      const catchUpDeadline = Date.now() + 180_000;
      let latest = report();
      while (latest.lost.length > 0 && Date.now() < catchUpDeadline) {
        await sleep(1_000);
        latest = report();
      }
      console.log(`[faults] ${formatDeliveryCounts(label, latest)} (logs: ${system.logFolder})`);
      for (const problem of latest.problems.slice(0, 30)) console.log(`[faults]   ${problem}`);
      return latest;
    },
    async close() {
      await stream.stop();
      await system.stop();
      for (const recorder of recorders.values()) await recorder.stop().catch(() => undefined);
      await created.remove();
    },
  };
}
