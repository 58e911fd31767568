import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The notifier itself.
    entry: ['src/main.ts'],
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    sourcemap: true,
    // Both builds run at once: this one leaves the browser build's folder alone.
    clean: ['!public/**'],
  },
  {
    // The live page's script, read from dist/public/ by src/live/live-client-script.ts (which
    // compiles it with the same options when the notifier runs from source).
    entry: { 'live-client': 'src/live/browser/live-client.ts' },
    outDir: 'dist/public',
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    target: 'es2022',
    platform: 'browser',
    tsconfig: 'src/live/browser/tsconfig.json',
    clean: true,
  },
]);
