import { fileURLToPath } from 'node:url';
import { type AppProcess, startAppProcess, testBrokers } from '@order-service/test-support';

/** A status-worker running as a child process of the test, on its own port. */
export type WorkerProcess = AppProcess;

/** Starts `node dist/main.js` (failing if it is older than src/) with `env`, waits until /ready answers 200. */
export function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  return startAppProcess({
    script: fileURLToPath(new URL('../../dist/main.js', import.meta.url)),
    sourcesDir: fileURLToPath(new URL('../../src', import.meta.url)),
    buildCommand: '`pnpm --filter @order-service/status-worker build`',
    env: {
      // The test run's broker (the shared helper passes no variable of the parent's on its own).
      KAFKA_BROKERS: testBrokers(),
      // Development mode unless the test gives a key: the worker refuses production without one.
      ...(env.API_KEY === undefined ? { ORDER_SERVICE_MODE: 'development' } : {}),
      ...env,
    },
    keepLines: 200,
  });
}
