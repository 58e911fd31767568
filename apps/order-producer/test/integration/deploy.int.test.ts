import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppProcess, startAppProcess } from './app-process.ts';

const run = promisify(execFile);
const workspaceRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let folder: string | undefined;
let app: AppProcess | undefined;

afterEach(async () => {
  if (app !== undefined && app.child.exitCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
  if (folder !== undefined) rmSync(dirname(folder), { recursive: true, force: true });
});

describe('pnpm deploy of order-producer', () => {
  it('gives a self-contained folder that starts with node dist/main.js and answers /health', async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'order-producer-deploy-')), 'app');
    await run(
      'pnpm',
      ['--filter', '@order-service/order-producer', 'deploy', '--prod', '--offline', folder],
      {
        cwd: workspaceRoot,
        timeout: 180_000,
      },
    );
    // Workspace packages are copied in, not linked back into the repository.
    const runtime = realpathSync(join(folder, 'node_modules', '@order-service', 'runtime'));
    expect(runtime.startsWith(realpathSync(folder))).toBe(true);

    app = await startAppProcess(
      { DATA_DIR: join(folder, '.data'), SHUTDOWN_TIMEOUT_MS: '5000' },
      { script: join(folder, 'dist', 'main.js'), cwd: folder },
    );
    const health = await fetch(`${app.baseUrl}/health`);
    expect(health.status).toBe(200);
    // Kafka's state is a detail of /health (background-checked), never a reason to fail it.
    expect(await health.json()).toEqual({ status: 'ok', kafka: expect.any(String) });
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
  });
});
