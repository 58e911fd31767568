import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Fails when `built` is older than a source file under `sourcesDir`: a stale build would test old code. */
export function assertBuildIsFresh(built: string, sourcesDir: string, buildCommand: string): void {
  const builtAt = statSync(built).mtimeMs;
  const newest = readdirSync(sourcesDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .reduce((latest, file) => Math.max(latest, statSync(join(sourcesDir, file)).mtimeMs), 0);
  if (newest > builtAt) throw new Error(`${built} is older than ${sourcesDir}: run ${buildCommand} first.`);
}
