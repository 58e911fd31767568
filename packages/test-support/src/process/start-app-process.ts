import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../free-port.ts';
import { waitFor } from '../wait-for.ts';
import { assertBuildIsFresh } from './assert-build-is-fresh.ts';
import { createOutputBuffer } from './output-buffer.ts';

/** Options of `startAppProcess`. */
export interface AppProcessOptions {
  /** The script node runs, usually the app's built `dist/main.js`. */
  script: string;
  /** The app's variables, on top of PATH, HOST=127.0.0.1, a free PORT and LOG_LEVEL=warn. */
  env?: Record<string, string>;
  cwd?: string;
  /** What answers 200 once the app is up. Default `/ready`. */
  readyPath?: '/ready' | '/health';
  /** Default 90 s. */
  readyTimeoutMs?: number;
  /** The app's `src/` folder: when given, a `script` older than its sources fails the start. */
  sourcesDir?: string;
  /** How to rebuild, for the messages about a missing or stale build. */
  buildCommand?: string;
  /** How many log lines `output()` keeps. Default 2,000. */
  keepLines?: number;
}

/** An app running as a child process of the test, on its own port. */
export interface AppProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** What it logged (stdout and stderr, last lines), for failure messages. */
  output(): string;
  /** Resolves with the exit code once it has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM (the graceful shutdown) and waits for the exit code; SIGKILL after `graceMs` if given. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: no shutdown step runs, as in a crash. */
  kill(): Promise<void>;
}

/** Starts `node <script>` with `env` and waits until `readyPath` answers 200. */
export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const buildCommand = options.buildCommand ?? 'the package build';
  if (!existsSync(options.script))
    throw new Error(`${options.script} is missing: run ${buildCommand} first.`);
  if (options.sourcesDir !== undefined) assertBuildIsFresh(options.script, options.sourcesDir, buildCommand);
  const port = await freePort();
  const child = spawn(process.execPath, [options.script], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = createOutputBuffer(options.keepLines ?? 2_000);
  child.stdout?.on('data', output.append);
  child.stderr?.on('data', output.append);
  const exitedEarly = new AbortController();
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedEarly.abort(
        new Error(`the app exited during start-up (code ${code}, signal ${signal}):\n${output.text()}`),
      );
      resolve(code);
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const baseUrl = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    child,
    port,
    baseUrl,
    output: output.text,
    exited,
    async stop(graceMs) {
      if (running()) child.kill('SIGTERM');
      if (graceMs === undefined) return exited;
      const timer = setTimeout(() => {
        if (running()) child.kill('SIGKILL');
      }, graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
  const readyPath = options.readyPath ?? '/ready';
  try {
    await waitFor(async () => (await fetch(`${baseUrl}${readyPath}`)).status === 200, {
      description: `the app on port ${port} to answer ${readyPath}`,
      timeoutMs: options.readyTimeoutMs ?? 90_000,
      intervalMs: 250,
      describeState: output.text,
      signal: exitedEarly.signal,
    });
  } catch (error) {
    await app.kill();
    throw error;
  }
  return app;
}
