import { describe, expect, it } from 'vitest';
import { loadNotifierConfig } from '../config.ts';
import { createChannels } from './create-channels.ts';

const sink = { write: () => true };

describe('createChannels', () => {
  it('builds exactly the channels NOTIFY_CHANNELS enables', () => {
    expect(createChannels(loadNotifierConfig({}), { logSink: sink }).channels.map((c) => c.name)).toEqual([
      'log',
    ]);
    const both = loadNotifierConfig({
      NOTIFY_CHANNELS: 'webhook,log',
      WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      WEBHOOK_SECRET: '0123456789abcdef',
    });
    expect(createChannels(both, { logSink: sink }).channels.map((c) => c.name)).toEqual(['log', 'webhook']);
  });

  it('gives the webhook the configured retry policy', () => {
    const config = loadNotifierConfig({
      NOTIFY_CHANNELS: 'webhook',
      WEBHOOK_URL: 'https://example.test/hook',
      WEBHOOK_SECRET: '0123456789abcdef',
      WEBHOOK_MAX_ATTEMPTS: '5',
      WEBHOOK_BACKOFF_BASE_MS: '250',
      WEBHOOK_BACKOFF_MAX_MS: '9000',
    });
    expect(createChannels(config, { logSink: sink }).retryPolicy('webhook')).toEqual({
      maxAttempts: 5,
      baseDelayMs: 250,
      maxDelayMs: 9000,
    });
  });
});
