import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One order document from the input: parsed JSON, or why it could not be parsed. */
export type OrderDocument =
  | { line: number; ok: true; value: unknown }
  | { line: number; ok: false; reason: string };

/**
 * Reads orders from a stream: NDJSON (one JSON document per line, blank lines skipped), or, when
 * the first non-blank line is not a complete JSON document but starts one, the whole input as a
 * single JSON document (a pretty-printed order, or an array of orders). NDJSON is streamed, so
 * large files stay cheap.
 */
export async function* readOrderDocuments(input: Readable): AsyncGenerator<OrderDocument> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let sawDocument = false;
  let wholeDocument: string[] | undefined;
  for await (const line of lines) {
    lineNumber += 1;
    if (wholeDocument !== undefined) {
      wholeDocument.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    const first = !sawDocument;
    sawDocument = true;
    const parsed = parse(line);
    if (parsed.ok) {
      const values: unknown[] = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
      for (const value of values) yield { line: lineNumber, ok: true, value };
    } else if (first && /^\s*[[{]/.test(line)) {
      wholeDocument = [line];
    } else {
      yield { line: lineNumber, ok: false, reason: `not valid JSON: ${parsed.reason}` };
    }
  }
  if (wholeDocument === undefined) return;
  const parsed = parse(wholeDocument.join('\n'));
  if (!parsed.ok) {
    yield { line: 1, ok: false, reason: `not valid JSON or NDJSON: ${parsed.reason}` };
    return;
  }
  const documents: unknown[] = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  for (const [index, value] of documents.entries()) yield { line: index + 1, ok: true, value };
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
