import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const mainFile = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** The notifier as its own process (node runs src/main.ts directly), for kill -9 tests. */
export interface NotifierProcess {
  child: ChildProcess;
  /** What it wrote to stderr (for failure messages). */
  stderr(): string;
  /** SIGKILL: no shutdown step runs, nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown; resolves with the exit code. */
  terminate(): Promise<number | null>;
}

/** Starts `node src/main.ts` with `env` on top of the test's environment. */
export function startNotifierProcess(env: Record<string, string>): NotifierProcess {
  const child = spawn(process.execPath, [mainFile], {
    // Development mode unless the test gives a key: the notifier refuses production without one.
    env: {
      ...process.env,
      ...(env.API_KEY === undefined ? { ORDER_SERVICE_MODE: 'development' } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-20_000);
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    stderr: () => errors,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async terminate() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}
