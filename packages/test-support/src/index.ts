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
export { createTestTopics, type TestTopics } from './kafka/create-test-topics.ts';
export { type ReadRecord, toReadRecord } from './kafka/read-record.ts';
export { countOffsets, readTopicsToEnd, readTopicToEnd } from './kafka/read-topics-to-end.ts';
export { testTopicNames, withDeadLetterTopics } from './kafka/test-topic-names.ts';
export { metricValue, readMetric } from './metric-value.ts';
export { type AppProcess, type AppProcessOptions, startAppProcess } from './process/start-app-process.ts';
export { type WaitForOptions, waitFor } from './wait-for.ts';
