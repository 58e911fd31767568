import { randomUUID } from 'node:crypto';
import { type ISocketFactory, Kafka, type KafkaConfig, logLevel } from 'kafkajs';

/** The broker list of the integration tests: KAFKA_BROKERS, default `localhost:9092`. */
export function testBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  return brokers === undefined || brokers.trim() === '' ? 'localhost:9092' : brokers;
}

/** Options of `testKafka`. */
export interface TestKafkaOptions {
  /** `host:port[,host:port]` or a list; default `testBrokers()`. */
  brokers?: string | readonly string[];
  /** The client id's prefix; a random suffix keeps the clients of parallel runs apart. Default `test`. */
  clientId?: string;
  /** Replaces how sockets are opened (a test cutting the network). */
  socketFactory?: ISocketFactory;
  /** Default 3 s (kafkajs: 1 s, too short on the busy test machine). */
  connectionTimeoutMs?: number;
  /** Default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * A kafkajs client for test code: the test's broker, a unique client id, no logs (kafkajs retries
 * are noise in test output), and the retry pace of the apps' clients (at most 5 s between retries),
 * so a test client handed to the code under test behaves as the apps' own would.
 */
export function testKafka(options: TestKafkaOptions = {}): Kafka {
  const given = options.brokers ?? testBrokers();
  const brokers = typeof given === 'string' ? given.split(',') : [...given];
  const config: KafkaConfig = {
    clientId: `${options.clientId ?? 'test'}-${randomUUID().slice(0, 8)}`,
    brokers: brokers.map((broker) => broker.trim()).filter((broker) => broker !== ''),
    logLevel: logLevel.NOTHING,
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: 5_000 },
  };
  if (options.socketFactory !== undefined) config.socketFactory = options.socketFactory;
  return new Kafka(config);
}
