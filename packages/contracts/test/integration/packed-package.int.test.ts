import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packInstalledDependencies } from './pack-installed-dependencies.ts';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('../../', import.meta.url));
let consumerDir = '';

// What a consumer writes: decode the reference example from the published fixtures, and check
// that the documents are reachable through the exports map.
const esmConsumer = `
import { decodeOrder, channels, ContractError } from '@order-service/contracts';
import golden from '@order-service/contracts/fixtures/order-created.valid.json' with { type: 'json' };
import asyncapi from '@order-service/contracts/asyncapi.json' with { type: 'json' };
import schema from '@order-service/contracts/schemas/order-created.schema.json' with { type: 'json' };
const ok = decodeOrder(JSON.stringify(golden['reference-example']));
const bad = decodeOrder('{"order_id":1}');
console.log(JSON.stringify({ ok: ok.ok, bad: !bad.ok && ContractError.isInstance(bad.error), topic: channels.ordersCreated.topic,
  asyncapi: asyncapi.asyncapi, schemaTitle: schema.title }));
`;
const cjsConsumer = `
const { decodeOrder, channels, ContractError } = require('@order-service/contracts');
const golden = require('@order-service/contracts/fixtures/order-created.valid.json');
const asyncapi = require('@order-service/contracts/asyncapi.json');
const schema = require('@order-service/contracts/schemas/order-created.schema.json');
const ok = decodeOrder(Buffer.from(JSON.stringify(golden['reference-example'])));
const bad = decodeOrder('{"order_id":1}');
console.log(JSON.stringify({ ok: ok.ok, bad: !bad.ok && ContractError.isInstance(bad.error), topic: channels.ordersCreated.topic,
  asyncapi: asyncapi.asyncapi, schemaTitle: schema.title }));
`;
const expected = {
  ok: true,
  bad: true,
  topic: 'orders.created',
  asyncapi: '3.0.0',
  schemaTitle: 'OrderCreated',
};

// Packs dist/ as built (turbo runs `build` before `test:int`): packing must not rebuild dist under
// the feet of other packages' tests that import it.
describe('the packed package, installed outside the workspace', () => {
  beforeAll(async () => {
    consumerDir = await mkdtemp(join(tmpdir(), 'contracts-consumer-'));
    await run('pnpm', ['pack', '--pack-destination', consumerDir], { cwd: packageDir });
    const tarball = (await readdir(consumerDir)).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${consumerDir}`);
    // The package's own dependencies come from the workspace's installed copies, so the install
    // below never asks a registry (a fresh machine's npm cache is empty).
    const dependencyTarballs = await packInstalledDependencies(packageDir, consumerDir);
    await writeFile(join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await run(
      'npm',
      [
        'install',
        ...[tarball, ...dependencyTarballs].map((file) => `./${file}`),
        '--offline',
        '--no-audit',
        '--no-fund',
        '--no-update-notifier',
      ],
      { cwd: consumerDir },
    );
  }, 180_000);

  afterAll(async () => {
    if (consumerDir) await rm(consumerDir, { recursive: true, force: true });
  });

  it('validates the reference example from import (ESM)', async () => {
    await writeFile(join(consumerDir, 'consumer.mjs'), esmConsumer);
    const { stdout } = await run('node', ['consumer.mjs'], { cwd: consumerDir });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('validates the reference example from require (CJS)', async () => {
    await writeFile(join(consumerDir, 'consumer.cjs'), cjsConsumer);
    const { stdout } = await run('node', ['consumer.cjs'], { cwd: consumerDir });
    expect(JSON.parse(stdout)).toEqual(expected);
  });
});

describe('package lint', () => {
  it('passes publint and are-the-types-wrong (node16 profile)', async () => {
    const result = await run('pnpm', ['run', 'check:package'], { cwd: packageDir }).catch(
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect('code' in result ? `${result.stdout}\n${result.stderr}` : '').toBe('');
  }, 180_000);
});
