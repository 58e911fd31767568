import { spawn } from 'node:child_process';
import { REPO_ROOT } from '@order-service/run-system/apps';

// tools/local-postgres is driven through its command line (what `pnpm pg:start` runs): its package
// exports no module. Overrides (PG_PORT, ORDER_SERVICE_CACHE) select a server of the suite's own.
const CLI = `${REPO_ROOT}tools/local-postgres/src/cli.ts`;

function run(
  args: string[],
  overrides: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...overrides },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Starts the server (initdb the first time) and returns its TEST_DATABASE_URL. */
export async function startLocalPostgres(overrides: Record<string, string>): Promise<string> {
  const result = await run(['start'], overrides);
  const url = result.output.match(/^TEST_DATABASE_URL=(.+)$/m)?.[1]?.trim();
  if (result.code !== 0 || !url)
    throw new Error(`local-postgres start failed (exit ${result.code}):\n${result.output}`);
  return url;
}

/** Stops the server (`force`: immediate mode, like a crash); succeeds when it was not running. */
export async function stopLocalPostgres(
  overrides: Record<string, string>,
  options: { force?: boolean } = {},
): Promise<void> {
  const result = await run(options.force ? ['stop', '--force'] : ['stop'], overrides);
  if (result.code !== 0)
    throw new Error(`local-postgres stop failed (exit ${result.code}):\n${result.output}`);
}
