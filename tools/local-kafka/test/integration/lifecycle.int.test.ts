import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKafkaRunning } from '../../src/ensure-kafka-running.ts';
import { kafkaStatus } from '../../src/kafka-status.ts';
import { LocalKafkaError } from '../../src/local-kafka-error.ts';
import { stopKafka } from '../../src/stop-kafka.ts';

// A second broker of its own (own cache folder and ports), so that stopping it never disturbs
// the shared broker on 9092 that other tests use. KAFKA_BROKERS is removed: this test is about
// the local broker, whichever cluster the other tests run against. Its jars are resolved offline,
// from the Maven repository that `pnpm kafka:start` filled before the tests: tests reach no registry.
let cacheRoot = '';
let env: Record<string, string | undefined> = {};

beforeAll(async () => {
  cacheRoot = await mkdtemp(join(tmpdir(), 'local-kafka-lifecycle-'));
  env = {
    ...process.env,
    KAFKA_BROKERS: undefined,
    ORDER_SERVICE_CACHE: cacheRoot,
    KAFKA_PORT: '29092',
    KAFKA_CONTROLLER_PORT: '29093',
    KAFKA_HEAP_OPTS: '-Xmx512m -Xms128m',
    KAFKA_MAVEN_OFFLINE: '1',
  };
});

afterAll(async () => {
  await stopKafka({ env, force: true }).catch(() => {});
  await rm(cacheRoot, { recursive: true, force: true });
});

describe('local broker lifecycle', () => {
  it('starts, reports, stops, restarts without resolving or formatting again, and survives a crash', async () => {
    const progress: string[] = [];
    const first = await ensureKafkaRunning({
      env,
      topics: ['lifecycle.a'],
      onProgress: (line) => progress.push(line),
    });
    expect(first).toMatchObject({
      mode: 'local',
      alreadyRunning: false,
      brokers: ['localhost:29092'],
      resolvedJars: true,
    });
    expect(first.topics.created).toEqual(['lifecycle.a']);
    expect(progress.some((line) => line.startsWith('Formatting KRaft storage'))).toBe(true);

    const again = await ensureKafkaRunning({ env, topics: ['lifecycle.a'] });
    expect(again).toMatchObject({ alreadyRunning: true, pid: first.pid });

    const status = await kafkaStatus({ env });
    expect(status).toMatchObject({ mode: 'local', running: true, pid: first.pid, topics: ['lifecycle.a'] });

    expect(await stopKafka({ env })).toMatchObject({ wasRunning: true, pid: first.pid, how: 'exited' });
    expect(await stopKafka({ env })).toEqual({ mode: 'local', wasRunning: false });
    expect(await kafkaStatus({ env })).toMatchObject({ running: false });

    const restartProgress: string[] = [];
    const restarted = await ensureKafkaRunning({
      env,
      topics: ['lifecycle.a'],
      onProgress: (line) => restartProgress.push(line),
    });
    expect(restarted).toMatchObject({ alreadyRunning: false, resolvedJars: false });
    expect(restarted.topics.existing).toEqual(['lifecycle.a']);
    expect(restartProgress.some((line) => /Resolving|Formatting/.test(line))).toBe(false);

    // A crash (SIGKILL) leaves a pid file behind; the next start must see through it.
    expect(await stopKafka({ env, force: true })).toMatchObject({ wasRunning: true, how: 'killed' });
    const afterCrash = await ensureKafkaRunning({ env, topics: ['lifecycle.a'] });
    expect(afterCrash).toMatchObject({ alreadyRunning: false });
    expect(afterCrash.topics.existing).toEqual(['lifecycle.a']);
  });

  it('refuses to reuse a running broker for other ports', async () => {
    await ensureKafkaRunning({ env, topics: [] });
    const attempt = ensureKafkaRunning({
      env: { ...env, KAFKA_PORT: '29094', KAFKA_CONTROLLER_PORT: '29095' },
      topics: [],
    });
    await expect(attempt).rejects.toSatisfy(
      (error: unknown) => LocalKafkaError.isInstance(error) && error.code === 'LOCAL_KAFKA_CONFIG_CHANGED',
    );
  });
});
