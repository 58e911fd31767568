import { delimiter, join } from 'node:path';
import type { KafkaRelease } from './kafka-release.ts';

/** Jars the broker cannot start or log without, for one release. */
export function requiredBrokerJars(release: KafkaRelease): string[] {
  return [
    `kafka_${release.scalaVersion}-${release.version}.jar`,
    `kafka-clients-${release.version}.jar`,
    `kafka-server-${release.version}.jar`,
    `kafka-raft-${release.version}.jar`,
    `kafka-metadata-${release.version}.jar`,
    `slf4j-api-${release.slf4jVersion}.jar`,
    `log4j-api-${release.log4jVersion}.jar`,
    `log4j-core-${release.log4jVersion}.jar`,
    `log4j-slf4j2-impl-${release.log4jVersion}.jar`,
  ];
}

/**
 * What is wrong with a resolved jar set: missing jars, and a second SLF4J API or binding, which
 * would make the broker log nothing or pick a binding at random.
 */
export function findClasspathProblems(jarNames: readonly string[], release: KafkaRelease): string[] {
  const present = new Set(jarNames);
  const problems = requiredBrokerJars(release)
    .filter((jar) => !present.has(jar))
    .map((jar) => `missing ${jar}`);
  const slf4jApis = jarNames.filter((jar) => /^slf4j-api-[\d.]+\.jar$/.test(jar));
  if (slf4jApis.length > 1) {
    problems.push(`more than one slf4j-api: ${slf4jApis.join(', ')}`);
  }
  const otherBindings = jarNames.filter((jar) =>
    /^(slf4j-reload4j|slf4j-log4j12|slf4j-simple|slf4j-nop|logback-classic|log4j-slf4j-impl)-/.test(jar),
  );
  if (otherBindings.length > 0) {
    problems.push(`other SLF4J bindings beside log4j-slf4j2-impl: ${otherBindings.join(', ')}`);
  }
  return problems;
}

/** The JVM classpath: every jar of the folder, sorted so that the order never depends on the file system. */
export function buildClasspath(libsDirectory: string, jarNames: readonly string[]): string {
  return jarNames
    .filter((name) => name.endsWith('.jar'))
    .toSorted()
    .map((name) => join(libsDirectory, name))
    .join(delimiter);
}
