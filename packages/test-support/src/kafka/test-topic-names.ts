import { randomUUID } from 'node:crypto';

/**
 * Unique names for one test's topics: each base (e.g. `orders.created`) gets the same random
 * suffix, so no test ever reads another's records, and a test's topics are easy to spot together.
 */
export function testTopicNames(bases: readonly string[], suffix: string = randomUUID()): string[] {
  return bases.map((base) => `${base}.test-${suffix}`);
}

/** A topic with its dead-letter topic (`<topic>.dlq`), as the apps expect them. */
export function withDeadLetterTopics(topics: readonly string[]): string[] {
  return topics.flatMap((topic) => [topic, `${topic}.dlq`]);
}
