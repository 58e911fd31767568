import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@order-service/run-system/apps';
import { DIRECT_PUBLISH_ENVIRONMENT } from './pipeline/pipeline-system.ts';

/** Whether the built runtime understands the direct-publish knob, and if not, why the ratio is skipped. */
export type DirectPublishSupport = { supported: true } | { supported: false; reason: string };

function builtFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(folder, name));
}

/**
 * Looks for the knob's variable name in the built runtime (which defines it) and in every built
 * app (which passes it on to its relay): an app ignores variables it does not know, so starting
 * it with the knob proves nothing by itself, and one app mentioning it is not enough either.
 */
export function detectDirectPublishSupport(): DirectPublishSupport {
  const [variable] = Object.keys(DIRECT_PUBLISH_ENVIRONMENT);
  const folders = [
    'packages/runtime/dist',
    'apps/order-producer/dist',
    'apps/status-worker/dist',
    'apps/notifier/dist',
  ];
  const missing = folders.filter(
    (folder) =>
      variable === undefined ||
      !builtFiles(join(REPO_ROOT, folder)).some((file) => readFileSync(file, 'utf8').includes(variable)),
  );
  if (missing.length === 0) return { supported: true };
  return {
    supported: false,
    reason: `not measured: ${missing.join(', ')} do not read ${variable} (wanted: ${Object.entries(
      DIRECT_PUBLISH_ENVIRONMENT,
    )
      .map(([key, value]) => `${key}=${value}`)
      .join(' ')}, publish right after the transaction instead of through the outbox)`,
  };
}
