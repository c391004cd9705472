import { defineConfig } from 'vitest/config';

// Two projects: fast pure-logic tests, and real-browser tests that need `npm run build` first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Browsers are heavy on 2 cores: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
