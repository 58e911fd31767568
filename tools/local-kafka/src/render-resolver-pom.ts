import type { KafkaRelease } from './kafka-release.ts';

/** Version of maven-dependency-plugin, pinned so that every machine resolves the same way. */
export const mavenDependencyPluginVersion = '3.8.1';

/**
 * A minimal POM whose runtime dependencies are exactly the broker's classpath: the broker itself,
 * plus the SLF4J 2 API and its log4j2 binding that Kafka's POM leaves to the distribution.
 */
export function renderResolverPom(release: KafkaRelease): string {
  const dependency = (groupId: string, artifactId: string, version: string) =>
    `    <dependency>
      <groupId>${groupId}</groupId>
      <artifactId>${artifactId}</artifactId>
      <version>${version}</version>
    </dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tools/local-kafka: resolves the Kafka ${release.version} broker's runtime classpath. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.order-service</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>${release.version}</version>
  <packaging>pom</packaging>
  <dependencies>
${dependency('org.apache.kafka', `kafka_${release.scalaVersion}`, release.version)}
${dependency('org.slf4j', 'slf4j-api', release.slf4jVersion)}
${dependency('org.apache.logging.log4j', 'log4j-slf4j2-impl', release.log4jVersion)}
${dependency('org.apache.logging.log4j', 'log4j-core', release.log4jVersion)}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>${mavenDependencyPluginVersion}</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}
