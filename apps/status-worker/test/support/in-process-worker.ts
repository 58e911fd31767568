import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Service } from '@order-service/runtime';
import { testBrokers, testLogger } from '@order-service/test-support';
import { loadStatusWorkerConfig, type StatusWorkerConfig } from '../../src/config.ts';
import { createStatusWorker } from '../../src/service.ts';
import type { TestTopics } from './kafka-fixture.ts';

/** A status-worker running inside the test process, on the test's topics and its own store. */
export interface InProcessWorker extends Service<StatusWorkerConfig> {
  dataDir: string;
  /** Stops the worker and removes its PGlite folder. */
  close(): Promise<void>;
}

/** Starts a worker on `topics` with PGlite in a fresh folder (or `env.DATABASE_URL`). */
export async function startInProcessWorker(
  topics: TestTopics,
  env: Record<string, string> = {},
): Promise<InProcessWorker> {
  const dataDir = await mkdtemp(join(tmpdir(), 'status-worker-test-'));
  const config = loadStatusWorkerConfig({
    // Explicit: the worker refuses production without API_KEY; tests that need a key pass one.
    ORDER_SERVICE_MODE: 'development',
    KAFKA_BROKERS: testBrokers(),
    KAFKA_GROUP_ID: topics.groupId,
    TOPIC_ORDERS_CREATED: topics.created,
    TOPIC_ORDERS_STATUS: topics.status,
    DATA_DIR: dataDir,
    ...env,
  });
  const worker = await createStatusWorker(config, testLogger({ name: 'status-worker' }));
  await worker.start();
  await worker.app.ready();
  let closed = false;
  return {
    ...worker,
    dataDir,
    async close() {
      if (closed) return;
      closed = true;
      await worker.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
