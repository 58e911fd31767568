import { describe, expect, it } from 'vitest';
import { kafkaRelease } from './kafka-release.ts';
import { mavenDependencyPluginVersion, renderResolverPom } from './render-resolver-pom.ts';

function dependencies(pom: string): string[] {
  return [
    ...pom.matchAll(
      /<dependency>\s*<groupId>(.*?)<\/groupId>\s*<artifactId>(.*?)<\/artifactId>\s*<version>(.*?)<\/version>/g,
    ),
  ].map((match) => `${match[1]}:${match[2]}:${match[3]}`);
}

describe('renderResolverPom', () => {
  it('asks for the broker plus the SLF4J 2 API and its log4j2 binding at the broker log4j version', () => {
    const release = {
      version: '4.9.9',
      scalaVersion: '2.13',
      slf4jVersion: '2.0.99',
      log4jVersion: '2.88.8',
    };
    expect(dependencies(renderResolverPom(release))).toEqual([
      'org.apache.kafka:kafka_2.13:4.9.9',
      'org.slf4j:slf4j-api:2.0.99',
      'org.apache.logging.log4j:log4j-slf4j2-impl:2.88.8',
      'org.apache.logging.log4j:log4j-core:2.88.8',
    ]);
  });

  it('pins maven-dependency-plugin so every machine resolves alike', () => {
    const pom = renderResolverPom(kafkaRelease);
    expect(pom).toContain(
      `<artifactId>maven-dependency-plugin</artifactId>\n        <version>${mavenDependencyPluginVersion}</version>`,
    );
    expect(pom).toContain('<packaging>pom</packaging>');
  });
});
