import type { IHeaders } from 'kafkajs';
import type { DeadLetter } from './dead-letter.ts';
import type { ReplayOutcome } from './replay-dead-letters.ts';

const PREVIEW = 60;
const utf8 = new TextDecoder('utf-8', { fatal: true });

// Printable on one terminal line: control characters and lone surrogates escaped, long text cut.
function printable(text: string, limit: number): string {
  let result = '';
  let index = 0;
  for (; index < text.length && result.length < limit; index++) {
    const code = text.charCodeAt(index);
    const isControl = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const pairs = isSurrogate && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
    if (pairs) {
      result += text.slice(index, index + 2);
      index++;
    } else {
      result += isControl || isSurrogate ? `\\u${code.toString(16).padStart(4, '0')}` : text[index];
    }
  }
  return index < text.length ? `${result}…` : result;
}

/** A Buffer as text when it is valid UTF-8, else as base64 (said so). */
export function bufferText(
  buffer: Buffer | string | null | undefined,
): { text: string; base64: boolean } | null {
  if (buffer === null || buffer === undefined) return null;
  if (typeof buffer === 'string') return { text: buffer, base64: false };
  try {
    return { text: utf8.decode(buffer), base64: false };
  } catch {
    return { text: buffer.toString('base64'), base64: true };
  }
}

function preview(buffer: Buffer | null, limit = PREVIEW): string {
  const decoded = bufferText(buffer);
  if (decoded === null) return 'null';
  return decoded.base64
    ? `base64:${printable(decoded.text, limit)}`
    : JSON.stringify(printable(decoded.text, limit));
}

/** Where a dead letter sits: `orders.created.dlq[1]@42`. */
export function locationOf(deadLetter: DeadLetter): string {
  return `${deadLetter.dlqTopic}[${deadLetter.partition}]@${deadLetter.offset}`;
}

/** The one line `list` prints per dead letter. */
export function describeDeadLetterLine(deadLetter: DeadLetter): string {
  const source = `${deadLetter.sourceTopic}[${deadLetter.sourcePartition ?? '?'}]@${deadLetter.sourceOffset ?? '?'}`;
  return [
    locationOf(deadLetter),
    deadLetter.timestamp.toISOString(),
    deadLetter.errorCode ?? '(no code)',
    `source=${source}`,
    `attempts=${deadLetter.attempts ?? '?'}`,
    `key=${preview(deadLetter.key, 40)}`,
    `reason=${JSON.stringify(printable(deadLetter.reason ?? '', 120))}`,
  ].join(' ');
}

function headerLines(headers: IHeaders): string[] {
  return Object.entries(headers).flatMap(([name, raw]) => {
    const values = Array.isArray(raw) ? raw : [raw];
    return values.map((value) => {
      const decoded = bufferText(value ?? null);
      const shown =
        decoded === null
          ? '(none)'
          : decoded.base64
            ? `base64:${decoded.text}`
            : printable(decoded.text, 2_000);
      return `  ${name}: ${shown}`;
    });
  });
}

/** Everything `show` prints about one dead letter. */
export function describeDeadLetter(deadLetter: DeadLetter): string {
  const value = bufferText(deadLetter.value);
  const key = bufferText(deadLetter.key);
  return [
    `record:     ${locationOf(deadLetter)}`,
    `dead-lettered at: ${deadLetter.timestamp.toISOString()}`,
    `source:     ${deadLetter.sourceTopic} partition ${deadLetter.sourcePartition ?? '?'} offset ${deadLetter.sourceOffset ?? '?'}`,
    `error code: ${deadLetter.errorCode ?? '(none)'}`,
    `attempts:   ${deadLetter.attempts ?? '(unknown)'}`,
    `reason:     ${deadLetter.reason ?? '(none)'}`,
    `key:        ${key === null ? 'null' : key.base64 ? `base64:${key.text}` : JSON.stringify(key.text)}`,
    'headers:',
    ...headerLines(deadLetter.headers),
    `value (${deadLetter.value === null ? 'null' : `${deadLetter.value.length} bytes${value?.base64 ? ', not UTF-8, base64' : ''}`}):`,
    value === null ? 'null' : value.text,
  ].join('\n');
}

/** The one line `replay` prints per dead letter. */
export function describeReplayOutcome(outcome: ReplayOutcome): string {
  const where = locationOf(outcome.deadLetter);
  const eventId = outcome.deadLetter.headers['x-event-id'];
  const event =
    eventId === undefined ? '' : ` event=${bufferText(Array.isArray(eventId) ? eventId[0] : eventId)?.text}`;
  switch (outcome.kind) {
    case 'replayed':
    case 'would-replay':
      return `${outcome.kind === 'replayed' ? 'replayed' : 'would replay'} ${where} -> ${outcome.topic}[${outcome.partition ?? 'by key'}] key=${preview(outcome.deadLetter.key, 40)}${event} code=${outcome.deadLetter.errorCode ?? '?'}`;
    case 'skipped':
      return `skipped ${where}: ${outcome.why}`;
  }
}
