/**
 * What the tool resolves from Maven Central for one Kafka version. The broker's published POM
 * brings log4j-core but no SLF4J binding (its slf4j-api is 1.7), so the logging bridge and a
 * 2.x slf4j-api are declared beside it, with the log4j version equal to the broker's own log4j-core.
 */
export type KafkaRelease = {
  readonly version: string;
  readonly scalaVersion: string;
  readonly slf4jVersion: string;
  readonly log4jVersion: string;
};

/**
 * The newest Kafka release, checked against kafkajs 2.2.4 (produce, consumer groups, admin,
 * transactions with read_committed consumers); see the README for what was tried.
 */
export const kafkaRelease: KafkaRelease = {
  version: '4.4.0',
  scalaVersion: '2.13',
  slf4jVersion: '2.0.17',
  log4jVersion: '2.25.5',
};
