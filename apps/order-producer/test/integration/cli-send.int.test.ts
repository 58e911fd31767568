import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR_LOCK_FILE } from '@order-service/runtime';
import {
  cleanUpAfterEach,
  freePort,
  readTopicToEnd,
  testBrokers,
  testDatabaseUrl,
  testLogger,
} from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import { startOrderProducer } from '../../src/service.ts';
import { freshDatabase, openTestEnvironment, orderBody, testConfig } from './test-support.ts';

const cliScript = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const logger = testLogger();
const cleanups = cleanUpAfterEach();

function runCli(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cliScript, ...args],
      { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}

const apiKey = 'cli-test-key-0123456789';

/** A running order-producer in production mode (key required) on `env`'s store; its base URL. */
async function startServer(env: Record<string, string>): Promise<string> {
  const producer = await startOrderProducer(
    testConfig({ ORDER_SERVICE_MODE: 'production', API_KEY: apiKey, ...env }),
    logger,
  );
  cleanups.push(() => producer.stop());
  return producer.app.listen({ host: '127.0.0.1', port: 0 });
}

// `http`: through the running service (its PGlite store, which the CLI never opens; the CLI is
// even given the server's DATA_DIR). `postgres`: DATABASE_URL set, the CLI shares that database.
const modes: ('http' | 'postgres')[] = testDatabaseUrl() === undefined ? ['http'] : ['http', 'postgres'];

describe('order-producer send', () => {
  it.each(modes)(
    'stores NDJSON orders through the same path (%s), publishes the new ones and summarises with reasons',
    async (mode) => {
      const { kafka, topic, database } = await openTestEnvironment(
        mode === 'http' ? 'pglite' : 'postgres',
        cleanups,
      );
      const first = orderBody();
      const second = orderBody();
      const lines = [
        JSON.stringify(first),
        JSON.stringify(second),
        JSON.stringify(first),
        JSON.stringify({ ...orderBody(), total_amount: 1 }),
        '{"broken": ',
        JSON.stringify({ ...second, customer_id: 'someone-else' }),
        '',
      ];
      const inputFolder = freshDatabase('pglite');
      cleanups.push(inputFolder.drop);
      const file = join(inputFolder.env.DATA_DIR as string, 'orders.ndjson');
      writeFileSync(file, lines.join('\n'));
      const env: Record<string, string> = {
        ...database.env,
        KAFKA_BROKERS: testBrokers(),
        TOPIC_ORDERS_CREATED: topic,
      };
      const args = ['send', file];
      if (mode === 'http') {
        const url = await startServer(env);
        args.push('--url', url);
        env.API_KEY = apiKey;
      }

      const result = await runCli(args, env);
      expect(result.code).toBe(2);
      const summary = JSON.parse(result.stdout) as {
        accepted: number;
        duplicates: number;
        rejected: number;
        unpublished: number;
        rejections: { line: number; code: string; violations?: { path: string }[] }[];
      };
      expect(summary).toMatchObject({ accepted: 2, duplicates: 1, rejected: 3, unpublished: 0 });
      expect(summary.rejections.map((rejection) => [rejection.line, rejection.code])).toEqual([
        [4, 'ORDER_PRODUCER_INVALID_ORDER'],
        [5, 'ORDER_PRODUCER_INVALID_ORDER'],
        [6, 'ORDER_PRODUCER_ORDER_CONFLICT'],
      ]);
      expect(summary.rejections[0]?.violations?.map((violation) => violation.path)).toEqual([
        '/total_amount',
      ]);
      expect(result.stderr).toContain('2 accepted, 1 duplicates, 3 rejected');

      const records = await readTopicToEnd(kafka, topic);
      expect(records.map((record) => record.key).sort()).toEqual([first.order_id, second.order_id].sort());

      // Sending the same file again publishes nothing new: everything is a duplicate or rejected.
      const again = await runCli(args, env);
      expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, duplicates: 3 });
      expect(await readTopicToEnd(kafka, topic)).toHaveLength(2);
    },
  );

  it('reads one pretty-printed order from stdin and, with --no-publish, does not wait for Kafka', async () => {
    const database = freshDatabase('pglite');
    cleanups.push(database.drop);
    // The server's relay is held back: the order stays unpublished.
    const url = await startServer({ ...database.env, OUTBOX_RELAY_START_DELAY_MS: '600000' });
    const body = orderBody();
    const result = await runCli(
      ['send', '-', '--no-publish', '--url', url, '--api-key', apiKey],
      { ...database.env, KAFKA_BROKERS: testBrokers() },
      JSON.stringify(body, null, 2),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      accepted: 1,
      duplicates: 0,
      rejected: 0,
      unpublished: 1,
    });
  });

  it('never opens the embedded store itself: without a reachable service it stops with what to do', async () => {
    const database = freshDatabase('pglite');
    cleanups.push(database.drop);
    const dataDir = database.env.DATA_DIR as string;
    const result = await runCli(
      ['send', '-', '--url', `http://127.0.0.1:${await freePort()}`],
      { DATA_DIR: dataDir, KAFKA_BROKERS: testBrokers() },
      JSON.stringify(orderBody()),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot reach order-producer');
    expect(result.stderr).toContain('--url');
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(join(dataDir, DATA_DIR_LOCK_FILE))).toBe(false);
  });

  it('stops, without counting the order, when the service refuses the key', async () => {
    const database = freshDatabase('pglite');
    cleanups.push(database.drop);
    const url = await startServer(database.env);
    const result = await runCli(
      ['send', '-', '--url', url, '--api-key', 'wrong-key-0123456789'],
      { KAFKA_BROKERS: testBrokers() },
      JSON.stringify(orderBody()),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('API_KEY');
  });
});
