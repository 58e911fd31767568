import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/main.ts', 'src/cli.ts'],
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node22',
});
