import { fileURLToPath } from 'node:url';
import { type AppProcess, startAppProcess as startSharedAppProcess } from '@order-service/test-support';

export { type AppProcess, freePort } from '@order-service/test-support';

/** The built entry point: integration tests run after `build` (turbo's test:int depends on it). */
export const mainScript = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/**
 * Starts `node <script>` (default the built app) with `env` and waits until /health answers; in
 * development mode unless `env` has API_KEY.
 */
export function startAppProcess(
  env: Record<string, string>,
  options: { script?: string; cwd?: string } = {},
): Promise<AppProcess> {
  return startSharedAppProcess({
    script: options.script ?? mainScript,
    // Explicit development mode unless the test gives a key: the app refuses production without one.
    env: env.API_KEY === undefined ? { ORDER_SERVICE_MODE: 'development', ...env } : env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    readyPath: '/health',
    readyTimeoutMs: 60_000,
    buildCommand: '`pnpm --filter @order-service/order-producer build`',
  });
}
