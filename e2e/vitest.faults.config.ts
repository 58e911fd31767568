import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`pnpm test:faults`): slow, so apart from the end-to-end tests. Its global setup
 * runs its own Kafka and PostgreSQL; files run one at a time. FULL=1 runs the long version.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.test.ts'],
    globalSetup: ['test/faults/global-setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
