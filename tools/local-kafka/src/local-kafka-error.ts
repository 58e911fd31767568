const marker = Symbol.for('order-service.local-kafka.error');

/** Every way the local Kafka tool can fail, each with whether trying again may help. */
export const localKafkaErrorCodes = {
  LOCAL_KAFKA_BAD_CONFIG: { retryable: false },
  LOCAL_KAFKA_JAVA_MISSING: { retryable: false },
  LOCAL_KAFKA_JAVA_TOO_OLD: { retryable: false },
  LOCAL_KAFKA_MVN_MISSING: { retryable: false },
  LOCAL_KAFKA_RESOLVE_FAILED: { retryable: true },
  LOCAL_KAFKA_JARS_INCOMPLETE: { retryable: false },
  LOCAL_KAFKA_FORMAT_FAILED: { retryable: false },
  LOCAL_KAFKA_PORT_IN_USE: { retryable: true },
  LOCAL_KAFKA_CONFIG_CHANGED: { retryable: false },
  LOCAL_KAFKA_BROKER_EXITED: { retryable: false },
  LOCAL_KAFKA_START_TIMEOUT: { retryable: true },
  LOCAL_KAFKA_STOP_TIMEOUT: { retryable: true },
  LOCAL_KAFKA_UNREACHABLE: { retryable: true },
  LOCAL_KAFKA_TOPICS_FAILED: { retryable: true },
  LOCAL_KAFKA_LOCK_TIMEOUT: { retryable: true },
} as const;

export type LocalKafkaErrorCode = keyof typeof localKafkaErrorCodes;

/** A failure of the local Kafka tool; the message says what to do about it. */
export class LocalKafkaError extends Error {
  readonly code: LocalKafkaErrorCode;
  readonly retryable: boolean;
  readonly [marker] = true;

  constructor(code: LocalKafkaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalKafkaError';
    this.code = code;
    this.retryable = localKafkaErrorCodes[code].retryable;
  }

  /** True for a LocalKafkaError from any copy of this package (no `instanceof` across versions). */
  static isInstance(error: unknown): error is LocalKafkaError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
