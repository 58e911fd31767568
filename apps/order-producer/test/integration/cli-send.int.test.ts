import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanUpAfterEach } from '@order-service/test-support';
import { describe, expect, it } from 'vitest';
import {
  brokers,
  freshDatabase,
  openTestEnvironment,
  orderBody,
  readAll,
  testLogger,
} from './test-support.ts';

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

describe('order-producer send', () => {
  it('stores NDJSON orders through the same path, publishes the new ones and summarises with reasons', async () => {
    const { kafka, topic, database } = await openTestEnvironment('pglite', logger, cleanups);
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
    const file = join(database.env.DATA_DIR as string, 'orders.ndjson');
    writeFileSync(file, lines.join('\n'));
    const env = {
      ...database.env,
      DATA_DIR: join(database.env.DATA_DIR as string, 'db'),
      KAFKA_BROKERS: brokers,
      TOPIC_ORDERS_CREATED: topic,
    };

    const result = await runCli(['send', file], env);
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
    expect(summary.rejections[0]?.violations?.map((violation) => violation.path)).toEqual(['/total_amount']);
    expect(result.stderr).toContain('2 accepted, 1 duplicates, 3 rejected');

    const records = await readAll(kafka, topic);
    expect(records.map((record) => record.key).sort()).toEqual([first.order_id, second.order_id].sort());

    // Sending the same file again publishes nothing new: everything is a duplicate or rejected.
    const again = await runCli(['send', file], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await readAll(kafka, topic)).toHaveLength(2);
  });

  it('reads one pretty-printed order from stdin and, with --no-publish, only stores it', async () => {
    const database = freshDatabase('pglite');
    cleanups.push(database.drop);
    const body = orderBody();
    const result = await runCli(
      ['send', '-', '--no-publish'],
      { ...database.env, KAFKA_BROKERS: brokers },
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
});
