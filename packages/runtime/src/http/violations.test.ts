import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { toViolations, valueAt } from './violations.ts';

const Body = Type.Object(
  {
    name: Type.String(),
    count: Type.Integer({ minimum: 1 }),
    tags: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

describe('toViolations', () => {
  it('reports each unknown, missing and invalid property with its pointer and value', () => {
    const input = { count: 0, tags: ['a', 5], extra: true, 'we/ird': 1 };
    const violations = toViolations(Value.Errors(Body, input), input);
    expect(violations).toEqual(
      expect.arrayContaining([
        { path: '/name', message: 'is required' },
        { path: '/extra', message: 'is not an allowed property' },
        { path: '/we~1ird', message: 'is not an allowed property' },
        expect.objectContaining({ path: '/count', value: 0 }),
        expect.objectContaining({ path: '/tags/1', value: 5 }),
      ]),
    );
    expect(violations).toHaveLength(5);
  });

  it('omits values that are large or structured', () => {
    const input = { name: 'x'.repeat(1_000), count: { nested: true }, tags: [] };
    const violations = toViolations(
      Value.Errors(Type.Object({ name: Type.Integer(), count: Type.Integer() }), input),
      input,
    );
    expect(violations.every((violation) => !('value' in violation))).toBe(true);
  });
});

describe('valueAt', () => {
  it('never follows inherited properties such as __proto__', () => {
    expect(valueAt({}, '/__proto__')).toBeUndefined();
    expect(valueAt({ a: [1, 2] }, '/a/1')).toBe(2);
  });
});
