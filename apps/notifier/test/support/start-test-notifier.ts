import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@order-service/runtime';
import { testBrokers } from '@order-service/test-support';
import { loadNotifierConfig } from '../../src/config.ts';
import { createNotifier, type Notifier } from '../../src/service.ts';
import type { TestTopics } from './notifier-topics.ts';

/** A notifier running in the test process, on its own topics, group and PGlite folder. */
export interface TestNotifier {
  notifier: Notifier;
  /** http://127.0.0.1:<port> */
  url: string;
  groupId: string;
  dataDir: string;
  /** Lines written by the log channel. */
  logLines: string[];
  stop(): Promise<void>;
}

const dataDirs: string[] = [];

/** A fresh PGlite folder under the system temp directory (removed by removeTestDataDirs). */
export function freshDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'notifier-test-'));
  dataDirs.push(dataDir);
  return dataDir;
}

/** Removes the PGlite folders this test file created; call it after its notifiers stopped. */
export function removeTestDataDirs(): void {
  for (const dataDir of dataDirs.splice(0)) rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts a notifier for one test and waits until its consumer joined the group. Pass the same
 * `dataDir` to restart "the same" notifier; pass `env` to override any variable.
 */
export async function startTestNotifier(options: {
  topics: TestTopics;
  groupId?: string;
  dataDir?: string;
  env?: Record<string, string>;
  port?: number;
}): Promise<TestNotifier> {
  const groupId = options.groupId ?? `notifier-test-${randomUUID()}`;
  const dataDir = options.dataDir ?? freshDataDir();
  const config = loadNotifierConfig({
    // Explicit: the notifier refuses production without API_KEY; a test that wants the key passes
    // API_KEY and ORDER_SERVICE_MODE=production in `env`.
    ORDER_SERVICE_MODE: 'development',
    KAFKA_BROKERS: testBrokers(),
    KAFKA_CLIENT_ID: `notifier-test-${randomUUID().slice(0, 8)}`,
    KAFKA_GROUP_ID: groupId,
    TOPIC_ORDERS_CREATED: options.topics.created,
    TOPIC_ORDERS_STATUS: options.topics.status,
    TOPIC_ORDERS_NOTIFICATIONS: options.topics.notifications,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DELIVERY_POLL_MS: '200',
    ...options.env,
  });
  const logLines: string[] = [];
  const notifier = await createNotifier({
    config,
    logger: createLogger({ name: 'notifier-test', level: config.LOG_LEVEL }),
    logSink: { write: (line: string) => logLines.push(line) },
  });
  try {
    await notifier.start();
    await (await notifier.consumer()).joined;
    await notifier.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await notifier.stop().catch(() => undefined);
    throw error;
  }
  const address = notifier.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    notifier,
    url: `http://127.0.0.1:${port}`,
    groupId,
    dataDir,
    logLines,
    stop: () => notifier.stop(),
  };
}
