import { join } from 'node:path';
import { runCommand } from '@order-service/local-service';
import { LocalKafkaError } from './local-kafka-error.ts';

const installCommand = 'apt-get install -y openjdk-17-jre-headless maven';

/** Kafka 4 brokers need Java 17 or newer. */
export const minimumJavaMajorVersion = 17;

/** The java executable: $JAVA_HOME/bin/java when JAVA_HOME is set, else java from the PATH. */
export function javaExecutable(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The major version in `java -version` output (`"17.0.15"` -> 17, old `"1.8.0_392"` -> 8). */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Checks that java (17+) runs; throws an error that says what to install. */
export async function requireJava(java: string): Promise<void> {
  const result = await runCommand(java, ['-version']);
  if (result.kind === 'missing') {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_JAVA_MISSING',
      `Java was not found (${java}). Kafka needs Java ${minimumJavaMajorVersion}+: install it with "${installCommand}", or set JAVA_HOME.`,
    );
  }
  const major = parseJavaMajorVersion(result.output);
  if (major === undefined || major < minimumJavaMajorVersion) {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_JAVA_TOO_OLD',
      `Kafka needs Java ${minimumJavaMajorVersion}+, but ${java} -version says: ${result.output.split('\n')[0]}. ` +
        `Install a newer one with "${installCommand}", or point JAVA_HOME at a newer JDK.`,
    );
  }
}

/** Checks that Maven runs; throws an error that says what to install. */
export async function requireMaven(): Promise<void> {
  const result = await runCommand('mvn', ['-v']);
  if (result.kind === 'missing') {
    throw new LocalKafkaError(
      'LOCAL_KAFKA_MVN_MISSING',
      `Maven (mvn) was not found; it resolves Kafka from Maven Central: install it with "${installCommand}".`,
    );
  }
}
