import { channels } from '@order-service/contracts';
import { ConfigError } from '@order-service/runtime';
import { describe, expect, it } from 'vitest';
import { loadOrderProducerConfig } from './config.ts';

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
});
