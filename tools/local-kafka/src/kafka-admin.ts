import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, Kafka, logLevel } from 'kafkajs';

// The only file that talks to kafkajs: kafkajs is in maintenance mode, so a later move to
// another client touches this file alone.

/** Topics asked for, split into those this call created and those that were already there. */
export type TopicsResult = { readonly created: readonly string[]; readonly existing: readonly string[] };

/** How waiting for a broker ended; `lastError` says why the last attempt failed. */
export type WaitResult =
  | { readonly outcome: 'ready' }
  | { readonly outcome: 'exited' | 'timeout'; readonly lastError: string };

function createAdmin(brokers: readonly string[], retries: number): Admin {
  const kafka = new Kafka({
    clientId: 'order-service-local-kafka',
    brokers: [...brokers],
    connectionTimeout: 2_000,
    requestTimeout: 10_000,
    logLevel: logLevel.NOTHING, // The tool reports outcomes itself; kafkajs retries are noise here.
    retry: { retries, initialRetryTime: 200, maxRetryTime: 2_000 },
  });
  return kafka.admin();
}

async function withAdmin<T>(brokers: readonly string[], retries: number, use: (admin: Admin) => Promise<T>) {
  const admin = createAdmin(brokers, retries);
  try {
    await admin.connect();
    return await use(admin);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Polls until a broker answers a metadata request, the deadline passes, or `isAlive` says the
 * broker process has gone (no point waiting for a crashed JVM).
 */
export async function waitForBroker(
  brokers: readonly string[],
  options: { timeoutMs: number; isAlive?: () => boolean },
): Promise<WaitResult> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'no attempt finished';
  while (Date.now() < deadline) {
    if (options.isAlive && !options.isAlive()) {
      return { outcome: 'exited', lastError };
    }
    try {
      const cluster = await withAdmin(brokers, 0, (admin) => admin.describeCluster());
      if (cluster.brokers.length > 0 && cluster.controller !== null) {
        return { outcome: 'ready' };
      }
      lastError = 'the cluster has no broker or no active controller yet';
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  return { outcome: 'timeout', lastError };
}

/** Creates the topics that do not exist yet; existing topics are left as they are. */
export async function createTopics(
  brokers: readonly string[],
  names: readonly string[],
  partitions: number,
): Promise<TopicsResult> {
  return withAdmin(brokers, 8, async (admin) => {
    const present = new Set(await admin.listTopics());
    const missing = names.filter((name) => !present.has(name));
    let createError: unknown;
    if (missing.length > 0) {
      // waitForLeaders: producers right after start-up must not meet LEADER_NOT_AVAILABLE.
      await admin
        .createTopics({
          topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
          waitForLeaders: true,
        })
        .catch((error: unknown) => {
          createError = error;
        });
    }
    // Another process may have created some of them meanwhile (TOPIC_ALREADY_EXISTS): what counts is what exists now.
    const after = new Set(await admin.listTopics());
    const absent = names.filter((name) => !after.has(name));
    if (absent.length > 0) {
      const reason = createError instanceof Error ? createError.message : 'no error reported';
      throw new Error(`could not create ${absent.join(', ')}: ${reason}`);
    }
    return { created: missing, existing: names.filter((name) => present.has(name)) };
  });
}

/** The topic names of a cluster, internal topics left out. */
export async function listTopics(brokers: readonly string[]): Promise<string[]> {
  const topics = await withAdmin(brokers, 1, (admin) => admin.listTopics());
  return topics.filter((topic) => !topic.startsWith('__')).toSorted();
}
