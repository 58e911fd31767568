import { afterEach, describe, expect, it, vi } from 'vitest';
import { testLogger } from './test-logger.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('testLogger', () => {
  it('is silent unless TEST_LOG_LEVEL names a level', () => {
    vi.stubEnv('TEST_LOG_LEVEL', '');
    expect(testLogger().level).toBe('silent');
    vi.stubEnv('TEST_LOG_LEVEL', 'loud');
    expect(testLogger().level).toBe('silent');
    vi.stubEnv('TEST_LOG_LEVEL', 'debug');
    expect(testLogger({ name: 'relay' }).level).toBe('debug');
  });
});
