import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Test files share one Redis; each file uses its own key prefix, so they may run in parallel.
    pool: 'forks',
  },
});
