import { defineConfig } from 'tsup';

// typebox stays external in both formats: one copy of its format registry per process, and
// Node >= 22.12 loads the ESM-only typebox from our CJS build through require(esm).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'node22',
  sourcemap: true,
});
