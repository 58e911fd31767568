import { describe, expect, it } from 'vitest';
import { testTopicNames, withDeadLetterTopics } from './test-topic-names.ts';

describe('testTopicNames', () => {
  it('gives every base the same suffix, different on every call', () => {
    const [created, status] = testTopicNames(['orders.created', 'orders.status'], 'abc');
    expect([created, status]).toEqual(['orders.created.test-abc', 'orders.status.test-abc']);
    expect(testTopicNames(['t'])).not.toEqual(testTopicNames(['t']));
  });
});

describe('withDeadLetterTopics', () => {
  it('follows each topic with its .dlq', () => {
    expect(withDeadLetterTopics(['a', 'b'])).toEqual(['a', 'a.dlq', 'b', 'b.dlq']);
  });
});
