import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './app-definitions.ts';

/** How a child process ended. */
export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };

/** A running app (or any Node entry point) started as a child process. */
export type AppProcess = {
  readonly name: string;
  readonly pid: number;
  /** Resolves once the process has exited, however it ended. */
  readonly exited: Promise<ProcessExit>;
  /** True until the process has exited. */
  isRunning(): boolean;
  /** SIGTERM, then SIGKILL if it is still running after `timeoutMs`; resolves once it exited. */
  stop(timeoutMs?: number): Promise<ProcessExit>;
  /** SIGKILL at once (a crash); resolves once it exited. */
  kill(): Promise<ProcessExit>;
};

/** Options of {@link startAppProcess}. */
export type StartAppProcessOptions = {
  name: string;
  entry: string;
  environment: Record<string, string>;
  /** Receives each line the process writes; lines are dropped when absent. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  nodeArguments?: string[];
  /**
   * Runs the app in its own process group, so a Ctrl-C in the terminal reaches only the caller,
   * which then stops the app once, in order (a second signal would make the app skip its flush).
   */
  ownProcessGroup?: boolean;
};

// Variables the apps read: never inherited from the caller's shell, so each start says exactly
// which broker, store, topics and ports an app uses.
const APP_VARIABLE =
  /^(PORT|HOST|DATA_DIR|DATABASE_.*|API_KEY|ORDER_SERVICE_MODE|LOG_LEVEL|KAFKA_.*|TOPIC_.*|OUTBOX_.*|SSE_.*)$/;

function inheritedEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !APP_VARIABLE.test(key)) environment[key] = value;
  }
  return environment;
}

function forwardLines(child: ChildProcess, onLine: StartAppProcessOptions['onLine']): void {
  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = child[stream];
    if (!readable) continue;
    if (!onLine) {
      readable.resume();
      continue;
    }
    createInterface({ input: readable, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) =>
      onLine(line, stream),
    );
  }
}

/** Starts `node <entry>` from the repository root with the given environment. */
export function startAppProcess(options: StartAppProcessOptions): AppProcess {
  const child = spawn(process.execPath, [...(options.nodeArguments ?? []), options.entry], {
    cwd: REPO_ROOT,
    env: { ...inheritedEnvironment(), ...options.environment },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  if (child.pid === undefined) throw new Error(`Could not start ${options.name} (${options.entry})`);
  const pid = child.pid;
  let running = true;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  forwardLines(child, options.onLine);

  const stop = async (timeoutMs = 15_000): Promise<ProcessExit> => {
    if (!running) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (running) child.kill('SIGKILL');
    }, timeoutMs);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };
  const kill = async (): Promise<ProcessExit> => {
    if (running) child.kill('SIGKILL');
    return exited;
  };
  return { name: options.name, pid, exited, isRunning: () => running, stop, kill };
}
