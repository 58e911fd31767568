export { type Cleanup, cleanUpAfterEach } from './clean-up-after-each.ts';
export {
  createTestDatabase,
  createTestSchema,
  type FreshPgliteDir,
  freshPgliteDir,
  type TestDatabase,
  type TestSchema,
} from './database/fresh-databases.ts';
export { requireTestDatabaseUrl, testDatabaseUrl } from './database/test-database-url.ts';
export { uniqueIdentifier } from './database/unique-identifier.ts';
export { freePort } from './free-port.ts';
export {
  committedOffset,
  groupLag,
  type PartitionLag,
  waitForGroupCaughtUp,
  waitForGroupStable,
} from './kafka/consumer-groups.ts';
export {
  createTestTopics,
  createTopicsWithDeadLetters,
  type TestTopicOptions,
  type TestTopics,
} from './kafka/create-test-topics.ts';
export { type ProduceRecordsOptions, produceRecords } from './kafka/produce-records.ts';
export { type ReadRecord, toReadRecord } from './kafka/read-record.ts';
export { countOffsets, readTopicsToEnd, readTopicToEnd } from './kafka/read-topics-to-end.ts';
export { type TestKafkaOptions, testBrokers, testKafka } from './kafka/test-kafka.ts';
export { testTopicNames, withDeadLetterTopics } from './kafka/test-topic-names.ts';
export { startTopicRecorder, type TopicRecorder } from './kafka/topic-recorder.ts';
export { testLogger } from './logging/test-logger.ts';
export { metricValue, readMetric } from './metric-value.ts';
export { type AppProcess, type AppProcessOptions, startAppProcess } from './process/start-app-process.ts';
export { type WaitForOptions, waitFor } from './wait-for.ts';
