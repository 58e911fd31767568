import { countOffsets, readTopicToEnd, testBrokers, waitFor } from '@order-service/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from './app-process.ts';
import { engines, openTestEnvironment, orderBody } from './test-support.ts';

const cleanups: (() => Promise<void>)[] = [];
const processes: AppProcess[] = [];

afterEach(async () => {
  for (const running of processes.splice(0)) {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await running.exited;
  }
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function postAll(
  baseUrl: string,
  bodies: ReturnType<typeof orderBody>[],
  concurrency: number,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < bodies.length; start += concurrency) {
    const slice = bodies.slice(start, start + concurrency);
    const responses = await Promise.all(
      slice.map((body) =>
        fetch(`${baseUrl}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
    );
    statuses.push(...responses.map((response) => response.status));
  }
  return statuses;
}

async function kill(running: AppProcess): Promise<void> {
  running.child.kill('SIGKILL');
  await running.exited;
}

describe.each(engines)('order-producer process on %s killed with SIGKILL', (engine) => {
  it('publishes every accepted order exactly once after restarts', async () => {
    const { kafka, topic, database } = await openTestEnvironment(engine, cleanups);
    const env = {
      ...database.env,
      KAFKA_BROKERS: testBrokers(),
      TOPIC_ORDERS_CREATED: topic,
      OUTBOX_POLL_INTERVAL_MS: '1000',
    };

    // 1. Killed between store and publish: the relay is held back, so accepted orders are only stored.
    const first = await startAppProcess({ ...env, OUTBOX_RELAY_START_DELAY_MS: '600000' });
    processes.push(first);
    const stored = Array.from({ length: 30 }, () => orderBody());
    expect(new Set(await postAll(first.baseUrl, stored, 10))).toEqual(new Set([201]));
    await kill(first);
    expect(await countOffsets(kafka, topic)).toBe(0);

    // 2. Killed while the relay is busy publishing (wherever it is between send and mark).
    const second = await startAppProcess(env);
    processes.push(second);
    const busy = Array.from({ length: 200 }, () => orderBody());
    expect(new Set(await postAll(second.baseUrl, busy, 20))).toEqual(new Set([201]));
    await kill(second);

    // 3. Restarted: everything accepted is published, nothing twice.
    const third = await startAppProcess(env);
    processes.push(third);
    const expected = [...stored, ...busy].map((body) => body.order_id).sort();
    await waitFor(
      async () =>
        new Set((await readTopicToEnd(kafka, topic)).map((record) => record.key)).size >= expected.length,
      { timeoutMs: 120_000, description: 'all orders published' },
    );
    await waitFor(
      async () => {
        const last = await fetch(`${third.baseUrl}/orders/${busy.at(-1)?.order_id}`);
        return ((await last.json()) as { published: boolean }).published;
      },
      { timeoutMs: 60_000, description: 'the last order marked published' },
    );
    // A duplicate would arrive after the originals; give it time before the final count.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const records = await readTopicToEnd(kafka, topic);
    expect(records.map((record) => record.key).sort()).toEqual(expected);
  });
});
