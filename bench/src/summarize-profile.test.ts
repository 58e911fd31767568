import { describe, expect, it } from 'vitest';
import { packageOf, selfTimes } from './summarize-profile.ts';

describe('packageOf', () => {
  it('names the package of a pnpm node_modules path, scoped or not', () => {
    expect(packageOf('file:///r/node_modules/.pnpm/kafkajs@2.2.4/node_modules/kafkajs/src/x.js')).toBe(
      'kafkajs',
    );
    expect(
      packageOf(
        'file:///r/node_modules/.pnpm/@electric-sql+pglite@0.3/node_modules/@electric-sql/pglite/dist/a.js',
      ),
    ).toBe('@electric-sql/pglite');
  });

  it('names workspace code by its folder and Node by its internals', () => {
    expect(packageOf('file:///r/packages/runtime/dist/index.js')).toBe('packages/runtime');
    expect(packageOf('node:internal/streams/readable')).toBe('node internals');
  });
});

describe('selfTimes', () => {
  it('adds the time deltas of the samples that landed on each node', () => {
    const times = selfTimes({ nodes: [], samples: [1, 2, 1], timeDeltas: [10, 5, 7] });
    expect(times.get(1)).toBe(17);
    expect(times.get(2)).toBe(5);
  });
});
