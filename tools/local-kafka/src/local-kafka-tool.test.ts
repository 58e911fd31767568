import { describe, expect, it } from 'vitest';
import { LocalKafkaError } from './local-kafka-error.ts';
import { localKafkaTool } from './local-kafka-tool.ts';

describe('localKafkaTool', () => {
  it('turns a lock held too long into LOCAL_KAFKA_LOCK_TIMEOUT, which the CLI prints as its own', () => {
    const error = localKafkaTool.lockTimeoutError('Another local-kafka command holds the lock.');
    expect(LocalKafkaError.isInstance(error) ? error.code : error).toBe('LOCAL_KAFKA_LOCK_TIMEOUT');
    expect(localKafkaTool.isToolError(error)).toBe(true);
    expect(localKafkaTool.isToolError(new Error('other'))).toBe(false);
  });
});
