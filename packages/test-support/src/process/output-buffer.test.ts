import { describe, expect, it } from 'vitest';
import { createOutputBuffer } from './output-buffer.ts';

describe('createOutputBuffer', () => {
  it('joins lines split across chunks and keeps an unfinished last line', () => {
    const buffer = createOutputBuffer(10);
    buffer.append('{"msg":"sta');
    buffer.append(Buffer.from('rted"}\n{"msg":"rea'));
    expect(buffer.text()).toBe('{"msg":"started"}\n{"msg":"rea');
  });

  it('keeps only the last lines', () => {
    const buffer = createOutputBuffer(2);
    buffer.append('a\nb\nc\nd\n');
    expect(buffer.text()).toBe('c\nd');
  });
});
