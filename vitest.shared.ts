import { defineConfig } from 'vitest/config';

/**
 * One vitest set-up for every workspace package: `unit` runs the fast tests beside the code
 * (`src/**\/*.test.ts`), `integration` runs the tests that need a real Kafka or PostgreSQL
 * (`test/integration/**\/*.int.test.ts`). `vitest run --project unit` runs one of them alone.
 */
export function defineWorkspaceTestConfig(options: { integrationTimeoutMs?: number } = {}) {
  return defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
            exclude: ['**/*.int.test.ts', '**/node_modules/**', '**/dist/**'],
            // Some unit tests start an in-memory PGlite (WebAssembly PostgreSQL): seconds on a busy
            // 2-core machine, so vitest's 5 s / 10 s defaults fail them for being slow, not wrong.
            testTimeout: 30_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'integration',
            include: ['test/integration/**/*.int.test.ts'],
            testTimeout: options.integrationTimeoutMs ?? 120_000,
            hookTimeout: options.integrationTimeoutMs ?? 120_000,
            // Integration tests share one broker and a 2-core machine: run their files one by one.
            fileParallelism: false,
          },
        },
      ],
    },
  });
}
