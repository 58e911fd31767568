import { ConfigError, createLogger } from '@order-service/runtime';
import { describe, expect, it } from 'vitest';
import { enabledChannels, loadNotifierConfig } from './config.ts';
import { NotifierError } from './notifier-error.ts';
import { createNotifier } from './service.ts';

describe('notifier config', () => {
  it('defaults to Russian, the log channel only, port 3003 and group notifier', () => {
    const config = loadNotifierConfig({});
    expect(config).toMatchObject({ NOTIFICATION_LOCALE: 'ru', PORT: 3003, KAFKA_GROUP_ID: 'notifier' });
    expect(enabledChannels(config)).toEqual(['log']);
  });

  it('reads the channel list with spaces and repeats', () => {
    const config = loadNotifierConfig({
      NOTIFY_CHANNELS: ' webhook , log,webhook',
      WEBHOOK_URL: 'http://127.0.0.1:9/hook',
      WEBHOOK_SECRET: '0123456789abcdef',
    });
    expect(enabledChannels(config)).toEqual(['log', 'webhook']);
  });

  it('refuses an unknown channel, naming the variable', () => {
    expect(() => loadNotifierConfig({ NOTIFY_CHANNELS: 'log,email' })).toThrow(/NOTIFY_CHANNELS/);
  });

  it('refuses the webhook channel without its URL and secret', () => {
    let caught: unknown;
    try {
      loadNotifierConfig({ NOTIFY_CHANNELS: 'webhook' });
    } catch (error) {
      caught = error;
    }
    expect(NotifierError.isInstance(caught)).toBe(true);
    expect(String(caught)).toMatch(/WEBHOOK_URL and WEBHOOK_SECRET/);
  });

  it('converts numbers from strings', () => {
    expect(loadNotifierConfig({ WEBHOOK_MAX_ATTEMPTS: '3' }).WEBHOOK_MAX_ATTEMPTS).toBe(3);
  });

  it('caps the live streams by default', () => {
    expect(loadNotifierConfig({})).toMatchObject({
      SSE_MAX_CLIENTS: 100,
      SSE_DRAIN_TIMEOUT_MS: 10_000,
      SSE_MAX_BUFFERED_BYTES: 1_000_000,
      ORDER_SERVICE_MODE: 'production',
    });
  });
});

describe('createNotifier', () => {
  it('refuses to start in production without API_KEY, before opening anything', async () => {
    const config = loadNotifierConfig({ DATA_DIR: '/nonexistent/never-created' });
    const started = createNotifier({ config, logger: createLogger({ name: 'test', level: 'silent' }) });
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(/Set API_KEY=.* or ORDER_SERVICE_MODE=development/);
  });
});
