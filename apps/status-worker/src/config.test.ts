import { ConfigError, createLogger } from '@order-service/runtime';
import { describe, expect, it } from 'vitest';
import { loadStatusWorkerConfig } from './config.ts';
import { createStatusWorker } from './service.ts';

describe('loadStatusWorkerConfig', () => {
  it('fills the status-worker defaults for an empty environment', () => {
    const config = loadStatusWorkerConfig({});
    expect(config).toMatchObject({
      PORT: 3002,
      KAFKA_GROUP_ID: 'status-worker',
      KAFKA_CLIENT_ID: 'status-worker',
      DATA_DIR: '.data/status-worker',
      TOPIC_ORDERS_CREATED: 'orders.created',
      TOPIC_ORDERS_STATUS: 'orders.status',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes topic and group overrides and converts the port to a number', () => {
    const config = loadStatusWorkerConfig({
      PORT: '4000',
      KAFKA_GROUP_ID: 'sw-test',
      TOPIC_ORDERS_CREATED: 'created.t1',
      TOPIC_ORDERS_STATUS: 'status.t1',
    });
    expect(config).toMatchObject({
      PORT: 4000,
      KAFKA_GROUP_ID: 'sw-test',
      TOPIC_ORDERS_CREATED: 'created.t1',
      TOPIC_ORDERS_STATUS: 'status.t1',
    });
  });

  it('names every bad variable at once', () => {
    let caught: unknown;
    try {
      loadStatusWorkerConfig({ PORT: 'eighty', TOPIC_ORDERS_STATUS: 'orders/status' });
    } catch (error) {
      caught = error;
    }
    expect(ConfigError.isInstance(caught)).toBe(true);
    expect(String((caught as Error).message)).toMatch(/PORT[\s\S]*TOPIC_ORDERS_STATUS/);
  });
});

describe('createStatusWorker', () => {
  it('refuses to start in production without API_KEY, before opening anything', async () => {
    const config = loadStatusWorkerConfig({ DATA_DIR: '/nonexistent/never-created' });
    expect(config.ORDER_SERVICE_MODE).toBe('production');
    const started = createStatusWorker(config, createLogger({ name: 'test', level: 'silent' }));
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(/Set API_KEY=.* or ORDER_SERVICE_MODE=development/);
  });
});
