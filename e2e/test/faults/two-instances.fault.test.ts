import { randomUUID } from 'node:crypto';
import type { AppName } from '@order-service/run-system/apps';
import pg from 'pg';
import { afterAll, expect, inject, it } from 'vitest';
import { type FaultHarness, faultRunSize, startFaultHarness } from '../support/fault-harness.ts';
import { startLocalPostgres, stopLocalPostgres } from '../support/local-postgres.ts';

const infrastructure = inject('faultInfrastructure');
const size = faultRunSize();
const database = `faults_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
let harness: FaultHarness | undefined;

async function administer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: infrastructure.postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await harness?.close();
  await administer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
});

it('loses and duplicates nothing with two instances of each app, one killed, and PostgreSQL restarted', async () => {
  await administer(`CREATE DATABASE ${database}`);
  const url = new URL(infrastructure.postgresUrl);
  url.pathname = `/${database}`;
  harness = await startFaultHarness({
    brokers: infrastructure.brokers,
    label: 'pair',
    size,
    databaseUrl: url.toString(),
    instances: { 'order-producer': 2, 'status-worker': 2, notifier: 2 },
  });
  const active = harness;
  const log = (line: string) => console.log(`[faults] ${line}`);
  for (let cycle = 1; cycle <= size.cycles; cycle += 1) {
    const killed: AppName[] = [];
    for (const name of ['order-producer', 'status-worker', 'notifier'] as AppName[]) {
      await active.pause(1_500, 5_000);
      log(`cycle ${cycle}: SIGKILL ${name} #1 (its twin keeps going)`);
      await active.system.kill(name, 1);
      killed.push(name);
    }
    await active.pause(1_000, 4_000);
    log(`cycle ${cycle}: stopping PostgreSQL`);
    await stopLocalPostgres(infrastructure.postgresOverrides);
    await active.pause(2_000, 5_000);
    await startLocalPostgres(infrastructure.postgresOverrides);
    log(`cycle ${cycle}: PostgreSQL is back; restarting the killed instances`);
    for (const name of killed) await active.system.restart(name, 1);
  }
  const report = await active.finish('two instances each, one killed + PostgreSQL restart');
  expect(report.acknowledged).toBeGreaterThan(size.maxOrders / 2);
  expect(report.problems).toEqual([]);
});
