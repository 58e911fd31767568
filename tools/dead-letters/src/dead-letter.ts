import { dlqTopic } from '@order-service/contracts';
import { DEAD_LETTER_HEADERS } from '@order-service/runtime';
import type { IHeaders, KafkaMessage } from 'kafkajs';

/** One record read from a `<topic>.dlq`, with what its x-dlq-* headers say about it. */
export interface DeadLetter {
  dlqTopic: string;
  partition: number;
  offset: string;
  /** When the record was dead-lettered (the DLQ record's timestamp). */
  timestamp: Date;
  key: Buffer | null;
  value: Buffer | null;
  /** Every header as the broker returned it, x-dlq-* included. */
  headers: IHeaders;
  /** x-dlq-source-topic, or the DLQ name without `.dlq` when the header is missing. */
  sourceTopic: string;
  /** x-dlq-source-topic as carried; undefined when the record has none (replay then refuses it). */
  declaredSourceTopic: string | undefined;
  sourcePartition: number | undefined;
  sourceOffset: string | undefined;
  reason: string | undefined;
  errorCode: string | undefined;
  attempts: number | undefined;
}

const DLQ_SUFFIX = '.dlq';
const DEAD_LETTER_HEADER_NAMES: ReadonlySet<string> = new Set(Object.values(DEAD_LETTER_HEADERS));

/** True for a header the consumer runner adds when it dead-letters a record (x-dlq-*). */
export function isDeadLetterHeader(name: string): boolean {
  return DEAD_LETTER_HEADER_NAMES.has(name) || name.startsWith('x-dlq-');
}

/** The first value of a header as text (kafkajs hands over Buffers, strings or arrays). */
export function headerText(headers: IHeaders, name: string): string | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

/** Reads a DLQ record into a {@link DeadLetter}. */
export function toDeadLetter(dlqTopic: string, partition: number, message: KafkaMessage): DeadLetter {
  const headers = message.headers ?? {};
  const declaredSourceTopic = headerText(headers, DEAD_LETTER_HEADERS.sourceTopic);
  const fallbackSource = dlqTopic.endsWith(DLQ_SUFFIX) ? dlqTopic.slice(0, -DLQ_SUFFIX.length) : dlqTopic;
  return {
    dlqTopic,
    partition,
    offset: message.offset,
    timestamp: new Date(Number(message.timestamp)),
    key: message.key,
    value: message.value,
    headers,
    sourceTopic: declaredSourceTopic ?? fallbackSource,
    declaredSourceTopic,
    sourcePartition: toNumber(headerText(headers, DEAD_LETTER_HEADERS.sourcePartition)),
    sourceOffset: headerText(headers, DEAD_LETTER_HEADERS.sourceOffset),
    reason: headerText(headers, DEAD_LETTER_HEADERS.reason),
    errorCode: headerText(headers, DEAD_LETTER_HEADERS.errorCode),
    attempts: toNumber(headerText(headers, DEAD_LETTER_HEADERS.attempts)),
  };
}

/** The DLQ topic of a source topic (`orders.created` -> `orders.created.dlq`). */
export function dlqTopicOf(sourceTopic: string): string {
  return dlqTopic(sourceTopic);
}

/** True for the name of a dead-letter topic. */
export function isDlqTopic(topic: string): boolean {
  return topic.endsWith(DLQ_SUFFIX);
}
