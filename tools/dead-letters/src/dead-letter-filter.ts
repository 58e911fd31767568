import type { DeadLetter } from './dead-letter.ts';

/** Which dead letters a command works on; an empty list or an absent bound means "any". */
export interface DeadLetterFilter {
  /** Source topics (x-dlq-source-topic). */
  topics: readonly string[];
  /** Error codes (x-dlq-error-code). */
  codes: readonly string[];
  /** Dead-lettered at or after this instant. */
  since?: Date | undefined;
  /** Dead-lettered before this instant. */
  until?: Date | undefined;
}

/** True when a dead letter matches every part of the filter. */
export function matchesFilter(deadLetter: DeadLetter, filter: DeadLetterFilter): boolean {
  if (filter.topics.length > 0 && !filter.topics.includes(deadLetter.sourceTopic)) return false;
  if (filter.codes.length > 0 && !filter.codes.includes(deadLetter.errorCode ?? '')) return false;
  const time = deadLetter.timestamp.getTime();
  if (filter.since && time < filter.since.getTime()) return false;
  if (filter.until && time >= filter.until.getTime()) return false;
  return true;
}
