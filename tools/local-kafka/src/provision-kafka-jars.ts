import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lastLines, runCommand } from '@order-service/local-service';
import { findClasspathProblems } from './broker-classpath.ts';
import { requireMaven } from './java-prerequisites.ts';
import type { KafkaPaths } from './kafka-paths.ts';
import type { KafkaRelease } from './kafka-release.ts';
import { LocalKafkaError } from './local-kafka-error.ts';
import { renderResolverPom } from './render-resolver-pom.ts';

type LibsManifest = { kafkaVersion: string; pomSha256: string; jars: string[] };

/** What provisioning did: the broker's jar names, and whether Maven had to run. */
export type ProvisionResult = { readonly jars: readonly string[]; readonly resolved: boolean };

/**
 * Makes sure the broker's jars are in the cache. Maven runs only when the jars are missing or were
 * resolved from a different POM; a finished resolution is recorded in a manifest written last,
 * so an interrupted run is redone rather than trusted.
 */
export async function provisionKafkaJars(
  paths: KafkaPaths,
  release: KafkaRelease,
  options: { readonly offline?: boolean; readonly onProgress?: ((message: string) => void) | undefined } = {},
): Promise<ProvisionResult> {
  const onProgress = options.onProgress ?? (() => {});
  const pom = renderResolverPom(release);
  const pomSha256 = createHash('sha256').update(pom).digest('hex');
  const cached = await readManifest(paths.libsManifest);
  if (cached?.pomSha256 === pomSha256 && cached.jars.every((jar) => existsSync(join(paths.libs, jar)))) {
    return { jars: cached.jars, resolved: false };
  }

  await requireMaven();
  onProgress(
    options.offline
      ? `Resolving Kafka ${release.version} and its runtime dependencies from the local Maven repository (offline)...`
      : `Resolving Kafka ${release.version} and its runtime dependencies from Maven Central with mvn...`,
  );
  await mkdir(paths.root, { recursive: true });
  await writeFile(paths.pom, pom);
  const staging = `${paths.libs}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const result = await runCommand('mvn', [
    '-B',
    '-q',
    '-ntp',
    ...(options.offline ? ['--offline'] : []),
    '-f',
    paths.pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${staging}`,
  ]);
  if (result.kind === 'missing' || result.code !== 0) {
    await rm(staging, { recursive: true, force: true });
    const output = result.kind === 'exited' ? `\n${lastLines(result.output, 30)}` : '';
    throw new LocalKafkaError(
      'LOCAL_KAFKA_RESOLVE_FAILED',
      `mvn could not resolve org.apache.kafka:kafka_${release.scalaVersion}:${release.version} (POM: ${paths.pom}). ` +
        (options.offline
          ? 'KAFKA_MAVEN_OFFLINE=1 resolves from ~/.m2 only: run `pnpm kafka:start` once online first.'
          : 'Check that Maven Central is reachable and ~/.m2/settings.xml has no broken mirror, then run again.') +
        output,
    );
  }

  const jars = (await readdir(staging)).filter((name) => name.endsWith('.jar')).toSorted();
  const problems = findClasspathProblems(jars, release);
  if (problems.length > 0) {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_JARS_INCOMPLETE',
      `The jars resolved for Kafka ${release.version} in ${staging} cannot run a broker: ${problems.join('; ')}. ` +
        'The versions in tools/local-kafka/src/kafka-release.ts must match what the Kafka POM brings.',
    );
  }
  await rm(paths.libs, { recursive: true, force: true });
  await rename(staging, paths.libs);
  const manifest: LibsManifest = { kafkaVersion: release.version, pomSha256, jars };
  await writeFile(paths.libsManifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return { jars, resolved: true };
}

async function readManifest(path: string): Promise<LibsManifest | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (isLibsManifest(parsed)) {
      return parsed;
    }
  } catch {
    // Missing or unreadable: resolve again.
  }
  return undefined;
}

function isLibsManifest(value: unknown): value is LibsManifest {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return (
    typeof record.kafkaVersion === 'string' &&
    typeof record.pomSha256 === 'string' &&
    Array.isArray(record.jars) &&
    record.jars.every((jar) => typeof jar === 'string')
  );
}
