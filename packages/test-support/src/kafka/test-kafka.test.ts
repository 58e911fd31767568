import { afterEach, describe, expect, it, vi } from 'vitest';
import { testBrokers } from './test-kafka.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('testBrokers', () => {
  it('is KAFKA_BROKERS when set, else the local broker', () => {
    vi.stubEnv('KAFKA_BROKERS', 'kafka-1:9092,kafka-2:9092');
    expect(testBrokers()).toBe('kafka-1:9092,kafka-2:9092');
    vi.stubEnv('KAFKA_BROKERS', '');
    expect(testBrokers()).toBe('localhost:9092');
  });
});
