import { defineConfig } from 'vitest/config';

/**
 * The hostile-input suite (`pnpm test:hostile`): property-based records and HTTP bodies against
 * the three running apps on the real broker. Apart from the end-to-end tests because it is slow
 * and its counts are a report of their own. HOSTILE_SEED replays a run (the seed is printed).
 */
export default defineConfig({
  test: {
    include: ['test/hostile/**/*.hostile.test.ts'],
    testTimeout: 420_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
