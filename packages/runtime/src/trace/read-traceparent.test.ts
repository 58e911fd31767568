import { describe, expect, it } from 'vitest';
import { readTraceparent } from './read-traceparent.ts';

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
  });
});
