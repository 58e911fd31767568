import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type OrderDocument, readOrderDocuments } from './read-order-documents.ts';

async function read(text: string): Promise<OrderDocument[]> {
  const documents: OrderDocument[] = [];
  for await (const document of readOrderDocuments(Readable.from([text]))) documents.push(document);
  return documents;
}

describe('readOrderDocuments', () => {
  it('reads NDJSON line by line, skipping blank lines and reporting bad lines', async () => {
    const documents = await read('{"a":1}\n\n{"a":2}\nnot json\n{"a":3}\n');
    expect(documents).toEqual([
      { line: 1, ok: true, value: { a: 1 } },
      { line: 3, ok: true, value: { a: 2 } },
      expect.objectContaining({ line: 4, ok: false }),
      { line: 5, ok: true, value: { a: 3 } },
    ]);
  });

  it('reads one pretty-printed JSON order', async () => {
    expect(await read('{\n  "a": 1,\n  "b": [1, 2]\n}\n')).toEqual([
      { line: 1, ok: true, value: { a: 1, b: [1, 2] } },
    ]);
  });

  it('reads a JSON array of orders', async () => {
    expect(await read('[\n{"a":1},\n{"a":2}\n]')).toEqual([
      { line: 1, ok: true, value: { a: 1 } },
      { line: 2, ok: true, value: { a: 2 } },
    ]);
  });

  it('reports a truncated document', async () => {
    expect(await read('{\n  "a": 1,\n')).toEqual([expect.objectContaining({ ok: false })]);
  });
});
