import type { AppName } from '@order-service/run-system/apps';
import { startLocalKafka, stopLocalKafka } from '@order-service/run-system/kafka';
import { afterAll, expect, inject, it } from 'vitest';
import { type FaultHarness, faultRunSize, startFaultHarness } from '../support/fault-harness.ts';

const infrastructure = inject('faultInfrastructure');
const size = faultRunSize();
let harness: FaultHarness | undefined;

afterAll(async () => {
  await harness?.close();
});

it('loses and duplicates nothing while each app is SIGKILLed in turn and the broker is restarted', async () => {
  harness = await startFaultHarness({ brokers: infrastructure.brokers, label: 'crash', size });
  const active = harness;
  const log = (line: string) => console.log(`[faults] ${line}`);
  for (let cycle = 1; cycle <= size.cycles; cycle += 1) {
    for (const name of ['order-producer', 'status-worker', 'notifier'] as AppName[]) {
      await active.pause(1_500, 5_000);
      log(`cycle ${cycle}: SIGKILL ${name}`);
      await active.system.kill(name);
      await active.pause(200, 2_000);
      await active.system.restart(name);
      log(`cycle ${cycle}: ${name} is back`);
    }
    if (infrastructure.kafkaOverrides) {
      await active.pause(1_000, 4_000);
      log(`cycle ${cycle}: stopping the Kafka broker`);
      await stopLocalKafka({}, infrastructure.kafkaOverrides);
      await active.pause(2_000, 5_000);
      await startLocalKafka(undefined, infrastructure.kafkaOverrides);
      log(`cycle ${cycle}: the Kafka broker is back`);
    } else {
      log('KAFKA_BROKERS names a cluster this suite does not own: the broker restart is skipped');
    }
  }
  const report = await active.finish('SIGKILL each app + broker restart');
  expect(report.acknowledged).toBeGreaterThan(size.maxOrders / 2);
  expect(report.problems).toEqual([]);
});
