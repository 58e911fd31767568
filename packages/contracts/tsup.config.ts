import { defineConfig } from 'tsup';

// fast-check (the test-support entry's arbitraries) stays external: the user's own copy drives them.
// typebox stays external in both formats: one copy of its format registry per process, and
// Node >= 22.12 loads the ESM-only typebox from our CJS build through require(esm).
export default defineConfig({
  entry: { index: 'src/index.ts', 'test-support': 'src/test-support/arbitraries.ts' },
  external: ['fast-check'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node22',
  sourcemap: true,
});
