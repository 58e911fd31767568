import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.ts';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const SOURCES = fileURLToPath(new URL('../../src', import.meta.url));

/** Fails fast when dist/main.js is missing or older than the sources: a stale build would test old code. */
function assertBuildIsFresh(): void {
  let built: number;
  try {
    built = statSync(MAIN).mtimeMs;
  } catch {
    throw new Error(`${MAIN} is missing: run \`pnpm --filter @order-service/status-worker build\` first.`);
  }
  const newest = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .reduce((latest, file) => Math.max(latest, statSync(`${SOURCES}/${file}`).mtimeMs), 0);
  if (newest > built) {
    throw new Error(
      `${MAIN} is older than src/: run \`pnpm --filter @order-service/status-worker build\` first.`,
    );
  }
}

/** A status-worker running as a child process of the test, on its own port. */
export interface WorkerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** The last lines it logged, for failure messages. */
  output(): string;
  /** Stops it with SIGTERM (graceful shutdown) and waits for the exit code. */
  stop(): Promise<number | null>;
  /** Kills it with SIGKILL: no shutdown step runs, as in a crash. */
  kill(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `node dist/main.js` with `env` and waits until /ready answers 200. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  assertBuildIsFresh();
  const port = await findFreePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const output = () => lines.join('\n');
  const worker: WorkerProcess = {
    baseUrl,
    child,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await waitFor(
      `status-worker on port ${port} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
        const response = await fetch(`${baseUrl}/ready`);
        return response.status === 200;
      },
      { timeoutMs: 90_000, intervalMs: 250, describeState: output },
    );
  } catch (error) {
    await worker.kill();
    throw error;
  }
  return worker;
}
