import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CommonJS and ESM builds; Node gives the packages the CommonJS one, and so must
  // the sources under test, or the schema and the functions that run it come from two copies.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Test files share one Redis; each file uses its own key prefix, so they may run in parallel.
    pool: 'forks',
  },
});
