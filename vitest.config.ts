import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time on this 2-core machine (the default leaves one core idle): the suite is
    // dominated by a few long files (the hostile-input suite, the store faults) that mostly wait on
    // child processes. The hostile suite's bounds are generous enough for the sharing.
    maxWorkers: 2,
    // One temporary folder for the run, removed at its end (first: torn down last); a throwaway
    // PostgreSQL cluster for the store tests, when PostgreSQL is installed.
    globalSetup: ['test/helpers/tempSetup.ts', 'test/helpers/postgresSetup.ts'],
  },
});
