import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './test-support.ts';

/** The built entry point: integration tests run after `build` (turbo's test:int depends on it). */
export const mainScript = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A running `node dist/main.js` child with its output kept for failure messages. */
export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `node <script>` with `env` and waits until /health answers. */
export async function startAppProcess(
  env: Record<string, string>,
  options: { script?: string; cwd?: string } = {},
): Promise<AppProcess> {
  const script = options.script ?? mainScript;
  if (!existsSync(script))
    throw new Error(`${script} is missing: run pnpm --filter @order-service/order-producer build`);
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  await waitFor(
    async () => {
      if (exitedEarly) throw new Error(`the app exited during start-up:\n${output}`);
      try {
        return (await fetch(`${baseUrl}/health`)).ok;
      } catch {
        return false;
      }
    },
    60_000,
    'the app process to answer /health',
  );
  return { child, baseUrl, output: () => output, exited };
}
