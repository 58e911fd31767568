import { describe, expect, it } from 'vitest';
import { escapePointerToken, resolvePointer } from './json-pointer.ts';

describe('JSON pointers', () => {
  it('escapes ~ and / in property names as RFC 6901 says', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
  });

  it('resolves data pointers and schema pointers, and undefined past the end', () => {
    const value = { items: [{ 'a/b': 1 }] };
    expect(resolvePointer(value, '')).toBe(value);
    expect(resolvePointer(value, '/items/0/a~1b')).toBe(1);
    expect(resolvePointer({ properties: { x: { type: 'string' } } }, '#/properties/x')).toEqual({
      type: 'string',
    });
    expect(resolvePointer(value, '/items/3/price')).toBeUndefined();
  });
});
