import { describe, expect, it } from 'vitest';
import { childTraceparent, readTraceparent } from './read-traceparent.ts';

const valid = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('readTraceparent', () => {
  it('keeps a well-formed traceparent from a string or a Kafka header buffer', () => {
    expect(readTraceparent(valid)).toBe(valid);
    expect(readTraceparent(Buffer.from(valid))).toBe(valid);
  });

  it('drops a missing or malformed one', () => {
    expect(readTraceparent(undefined)).toBeNull();
    expect(readTraceparent(['a', 'b'])).toBeNull();
    expect(readTraceparent('00-xyz-00f067aa0ba902b7-01')).toBeNull();
    expect(readTraceparent(`${valid}\nx-injected: 1`)).toBeNull();
    expect(readTraceparent('ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBeNull();
    expect(readTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBeNull();
  });
});

describe('childTraceparent', () => {
  it('continues the trace of a valid parent with a new span id and its flags', () => {
    const child = childTraceparent(valid);
    expect(child).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(child).not.toBe(valid);
    expect(childTraceparent(Buffer.from(valid.replace(/01$/, '00')))).toMatch(/-00$/);
  });

  it('starts a new sampled trace when the parent is missing or invalid', () => {
    for (const parent of [
      undefined,
      null,
      'garbage',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    ]) {
      expect(childTraceparent(parent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    }
  });
});
