import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readLocalKafkaConfig } from './local-kafka-config.ts';
import { LocalKafkaError } from './local-kafka-error.ts';

describe('readLocalKafkaConfig', () => {
  it('defaults to a local broker on 9092/9093, 3 partitions and the home cache', () => {
    const config = readLocalKafkaConfig({});
    expect(config).toMatchObject({
      externalBrokers: undefined,
      partitions: 3,
      port: 9092,
      controllerPort: 9093,
      mavenOffline: false,
    });
    expect(config.cacheRoot).toBe(`${homedir()}/.cache/order-service`);
    expect(config.heapOptions).toEqual(['-Xmx1g', '-Xms256m']);
  });

  it('reads an external cluster, partitions, ports, heap and cache from the environment', () => {
    const config = readLocalKafkaConfig({
      KAFKA_BROKERS: ' kafka-1:9092, kafka-2:9092 ',
      KAFKA_PARTITIONS: '6',
      KAFKA_PORT: '19092',
      KAFKA_HEAP_OPTS: '-Xmx512m',
      ORDER_SERVICE_CACHE: '/ci/cache',
      KAFKA_MAVEN_OFFLINE: '1',
    });
    expect(config).toMatchObject({
      externalBrokers: ['kafka-1:9092', 'kafka-2:9092'],
      partitions: 6,
      port: 19092,
      controllerPort: 19093,
      heapOptions: ['-Xmx512m'],
      cacheRoot: '/ci/cache',
      mavenOffline: true,
    });
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      readLocalKafkaConfig({
        KAFKA_BROKERS: 'no-port',
        KAFKA_PARTITIONS: '0',
        KAFKA_PORT: '9092',
        KAFKA_CONTROLLER_PORT: '9092',
      });
    } catch (error) {
      caught = error;
    }
    expect(LocalKafkaError.isInstance(caught)).toBe(true);
    const error = caught as LocalKafkaError;
    expect(error.code).toBe('LOCAL_KAFKA_BAD_CONFIG');
    expect(error.message).toContain('KAFKA_BROKERS: "no-port"');
    expect(error.message).toContain('KAFKA_PARTITIONS: "0"');
    expect(error.message).toContain('KAFKA_CONTROLLER_PORT: must differ');
  });
});
