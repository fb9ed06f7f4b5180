import { defineConfig } from 'vitest/config';

// Three tiers, each runnable alone (`vitest run --project unit|integration|e2e`). Integration and
// browser tests run against a real PostgreSQL: a bundled one started for the run, and in CI also
// the machine's own server (TEST_DATABASE_URL, default 127.0.0.1:5432/test).
const externalUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const withExternal = Boolean(process.env.CI) || Boolean(process.env.TEST_DATABASE_URL);

const integration = (name: string, db: 'embedded' | 'external') => ({
  test: {
    name,
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/helpers/global-db.ts'],
    env: { REDRESS_TEST_DB: db, TEST_DATABASE_URL: externalUrl, NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env: { NODE_ENV: 'test' } } },
      integration('integration', 'embedded'),
      ...(withExternal ? [integration('integration-external', 'external')] : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/helpers/global-db.ts'],
          env: { REDRESS_TEST_DB: 'embedded', NODE_ENV: 'test' },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
