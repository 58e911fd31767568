import { Writable } from 'node:stream';
import { channels } from '@order-service/contracts';
import { ConfigError, createLogger } from '@order-service/runtime';
import { describe, expect, it } from 'vitest';
import { loadOrderProducerConfig } from './config.ts';
import { startOrderProducer } from './service.ts';

describe('loadOrderProducerConfig', () => {
  it('defaults to the contracts channel topics and the app defaults', () => {
    const config = loadOrderProducerConfig({});
    expect(config.TOPIC_ORDERS_CREATED).toBe(channels.ordersCreated.topic);
    expect(config.TOPIC_ORDERS_STATUS).toBe(channels.ordersStatus.topic);
    expect(config.TOPIC_ORDERS_NOTIFICATIONS).toBe(channels.ordersNotifications.topic);
    expect(config).toMatchObject({
      PORT: 3001,
      DATA_DIR: '.data/order-producer',
      KAFKA_CLIENT_ID: 'order-producer',
    });
  });

  it('rejects a topic override that is not a legal Kafka topic name', () => {
    expect(() => loadOrderProducerConfig({ TOPIC_ORDERS_CREATED: 'orders/created' })).toThrow(ConfigError);
  });

  it('rejects an API key too short to be a secret', () => {
    expect(() => loadOrderProducerConfig({ API_KEY: 'short' })).toThrow(/API_KEY/);
  });

  it('defaults to production mode', () => {
    expect(loadOrderProducerConfig({}).ORDER_SERVICE_MODE).toBe('production');
    expect(loadOrderProducerConfig({ ORDER_SERVICE_MODE: 'development' }).ORDER_SERVICE_MODE).toBe(
      'development',
    );
    expect(() => loadOrderProducerConfig({ ORDER_SERVICE_MODE: 'dev' })).toThrow(/ORDER_SERVICE_MODE/);
  });
});

describe('startOrderProducer', () => {
  it('refuses to start in production without API_KEY, before opening anything', async () => {
    const logger = createLogger({
      name: 'test',
      level: 'silent',
      destination: new Writable({ write: (_c, _e, done) => done() }),
    });
    const started = startOrderProducer(
      loadOrderProducerConfig({ DATA_DIR: '/nonexistent/never-created' }),
      logger,
    );
    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(/Set API_KEY=.* or ORDER_SERVICE_MODE=development/);
  });
});
