export { buildClasspath, findClasspathProblems } from './broker-classpath.ts';
export {
  type EnsureKafkaOptions,
  ensureKafkaRunning,
  type KafkaStartResult,
} from './ensure-kafka-running.ts';
export { createTopics, listTopics, type TopicsResult } from './kafka-admin.ts';
export { type KafkaPaths, resolveKafkaPaths } from './kafka-paths.ts';
export { type KafkaRelease, kafkaRelease } from './kafka-release.ts';
export { type KafkaStatus, kafkaStatus } from './kafka-status.ts';
export { defaultTopicNames, type LocalKafkaConfig, readLocalKafkaConfig } from './local-kafka-config.ts';
export { LocalKafkaError, type LocalKafkaErrorCode, localKafkaErrorCodes } from './local-kafka-error.ts';
export { type KafkaStopResult, type StopKafkaOptions, stopKafka } from './stop-kafka.ts';
