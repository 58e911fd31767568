// Starts the fault suite's own Kafka broker and PostgreSQL server (local-kafka and local-postgres
// with their own ports and cache folder), so that stopping them hurts no other test or developer
// sharing this machine; stops both when the suite ends. With KAFKA_BROKERS set, that cluster is used
// and the broker restart is skipped (the suite does not own it).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@order-service/run-system/apps';
import { startLocalKafka, stopLocalKafka } from '@order-service/run-system/kafka';
import type { TestProject } from 'vitest/node';
import { startLocalPostgres, stopLocalPostgres } from '../support/local-postgres.ts';

/** The servers the fault tests run against, and the overrides that select them in the tools' CLIs. */
export type FaultInfrastructure = {
  brokers: string;
  /** Selects the suite's own broker in local-kafka; null when KAFKA_BROKERS names one it does not own. */
  kafkaOverrides: Record<string, string> | null;
  postgresUrl: string;
  postgresOverrides: Record<string, string>;
};

declare module 'vitest' {
  export interface ProvidedContext {
    faultInfrastructure: FaultInfrastructure;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cache = join(tmpdir(), 'order-service-fault-suite');
  const log = (line: string) => console.log(`[faults] ${line}`);
  let kafkaOverrides: Record<string, string> | null = null;
  let brokers = process.env.KAFKA_BROKERS ?? '';
  if (!brokers) {
    const port = await findFreePort();
    let controllerPort = await findFreePort();
    while (controllerPort === port) controllerPort = await findFreePort();
    kafkaOverrides = {
      ORDER_SERVICE_CACHE: cache,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
      KAFKA_HEAP_OPTS: '-Xmx512m -Xms128m',
      // Its jars come from the Maven repository the install step filled: tests reach no registry.
      KAFKA_MAVEN_OFFLINE: '1',
    };
    log(`starting the suite's own Kafka on 127.0.0.1:${port} (cache ${cache})`);
    brokers = (await startLocalKafka(log, kafkaOverrides)).brokers.join(',');
  }
  const postgresOverrides = { ORDER_SERVICE_CACHE: cache, PG_PORT: String(await findFreePort()) };
  log(`starting the suite's own PostgreSQL on 127.0.0.1:${postgresOverrides.PG_PORT}`);
  const postgresUrl = await startLocalPostgres(postgresOverrides);
  project.provide('faultInfrastructure', { brokers, kafkaOverrides, postgresUrl, postgresOverrides });
  return async () => {
    await stopLocalPostgres(postgresOverrides).catch((error: unknown) =>
      log(`could not stop PostgreSQL: ${String(error)}`),
    );
    if (kafkaOverrides) {
      await stopLocalKafka({}, kafkaOverrides).catch((error: unknown) =>
        log(`could not stop Kafka: ${String(error)}`),
      );
    }
  };
}
