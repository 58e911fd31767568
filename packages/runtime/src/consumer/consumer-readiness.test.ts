import { describe, expect, it } from 'vitest';
import { consumerReadiness } from './consumer-readiness.ts';
import type { ConsumerHealth } from './run-consumer.ts';

const healthy: ConsumerHealth = { deadLetterBlocked: [], failingPositions: 2 };
const blocked: ConsumerHealth = {
  deadLetterBlocked: [
    {
      topic: 'orders.created',
      partition: 1,
      offset: '5',
      deadLetterTopic: 'orders.created.dlq',
      since: '2025-01-01T00:00:00.000Z',
      error: 'This server does not host this topic-partition',
      writeAttempts: 3,
    },
  ],
  failingPositions: 0,
};

describe('consumerReadiness', () => {
  it('is ready before the consumer started and while nothing is blocked', async () => {
    await expect(consumerReadiness(() => undefined).check()).resolves.toBeUndefined();
    await expect(consumerReadiness(() => ({ health: () => healthy })).check()).resolves.toBeUndefined();
  });

  it('is not ready while a dead-letter write is blocked, and says where, since when and why', async () => {
    const check = consumerReadiness(() => ({ health: () => blocked }));
    expect(check.name).toBe('consumer');
    await expect(check.check()).rejects.toThrow(
      'orders.created.dlq cannot be written since 2025-01-01T00:00:00.000Z (orders.created partition 1 paused at offset 5): This server does not host this topic-partition',
    );
  });
});
