import type { ErrorClassification } from '../classify-error.ts';
import type { ConsumedRecord } from './consumed-record.ts';

/** Names of the headers a dead-lettered record carries besides its original ones. */
export const DEAD_LETTER_HEADERS = {
  reason: 'x-dlq-reason',
  errorCode: 'x-dlq-error-code',
  sourceTopic: 'x-dlq-source-topic',
  sourcePartition: 'x-dlq-source-partition',
  sourceOffset: 'x-dlq-source-offset',
  attempts: 'x-dlq-attempts',
} as const;

const maxReasonLength = 1_000;

/** The original headers plus why and where the record failed. */
export function deadLetterHeaders(
  record: ConsumedRecord,
  failure: ErrorClassification,
  attempts: number,
): Record<string, string> {
  const reason =
    failure.message.length > maxReasonLength
      ? `${failure.message.slice(0, maxReasonLength - 1)}…`
      : failure.message;
  return {
    ...record.headers,
    [DEAD_LETTER_HEADERS.reason]: reason,
    [DEAD_LETTER_HEADERS.errorCode]: failure.code,
    [DEAD_LETTER_HEADERS.sourceTopic]: record.topic,
    [DEAD_LETTER_HEADERS.sourcePartition]: String(record.partition),
    [DEAD_LETTER_HEADERS.sourceOffset]: record.offset,
    [DEAD_LETTER_HEADERS.attempts]: String(attempts),
  };
}
