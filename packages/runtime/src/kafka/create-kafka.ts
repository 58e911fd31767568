import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Kafka, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.ts';
import { createKafkaLogCreator, kafkaLogLevelFor } from './kafka-log-bridge.ts';

/** The config values `createKafka` reads (a subset of `kafkaConfigSchema`). */
export interface KafkaClientConfig {
  KAFKA_BROKERS: string;
  KAFKA_CLIENT_ID: string;
  KAFKA_SSL?: boolean;
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
}

/** Opens the connection to one broker (the runtime's own type: no Kafka client's type is public). */
export type SocketFactory = (target: {
  host: string;
  port: number;
  ssl: ConnectionOptions;
  onConnect: () => void;
}) => Socket;

/** How the runtime's Kafka client connects: knobs for tests and special deployments. */
export interface KafkaConnectionOptions {
  /** Replaces how sockets are opened (tests use it to cut the network). */
  socketFactory?: SocketFactory;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Longest pause between kafkajs retries. Default 5000 ms (kafkajs: 30 s), so clients resume soon after an outage. */
  maxRetryTimeMs?: number;
}

/** Builds the kafkajs client from config: brokers, client id, TLS, SASL, logs bridged into pino. */
export function createKafka(
  config: KafkaClientConfig,
  logger: Logger,
  options: KafkaConnectionOptions = {},
): Kafka {
  const brokers = config.KAFKA_BROKERS.split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
  if (brokers.length === 0) {
    throw new ConfigError([
      {
        variable: 'KAFKA_BROKERS',
        problem: 'lists no broker',
        hint: 'Set KAFKA_BROKERS to host:port[,host:port].',
      },
    ]);
  }
  const kafkaConfig: KafkaConfig = {
    clientId: config.KAFKA_CLIENT_ID,
    brokers,
    ssl: config.KAFKA_SSL === true,
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: { initialRetryTime: 300, maxRetryTime: options.maxRetryTimeMs ?? 5_000 },
    logLevel: kafkaLogLevelFor(logger),
    logCreator: createKafkaLogCreator(logger),
  };
  const sasl = saslOptions(config);
  if (sasl !== undefined) kafkaConfig.sasl = sasl;
  if (options.socketFactory !== undefined) kafkaConfig.socketFactory = options.socketFactory;
  return new Kafka(kafkaConfig);
}

function saslOptions(config: KafkaClientConfig): SASLOptions | undefined {
  const mechanism = config.KAFKA_SASL_MECHANISM;
  if (mechanism === undefined) return undefined;
  const username = config.KAFKA_SASL_USERNAME;
  const password = config.KAFKA_SASL_PASSWORD;
  if (username === undefined || password === undefined) {
    const missing = [
      username === undefined ? 'KAFKA_SASL_USERNAME' : '',
      password === undefined ? 'KAFKA_SASL_PASSWORD' : '',
    ]
      .filter((variable) => variable !== '')
      .map((variable) => ({
        variable,
        problem: `is required because KAFKA_SASL_MECHANISM is ${mechanism}`,
        hint: `Set ${variable} or unset KAFKA_SASL_MECHANISM.`,
      }));
    throw new ConfigError(missing);
  }
  return { mechanism, username, password };
}
