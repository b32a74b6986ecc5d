// Two projects: every test on SQLite, and the database, jobs and end-to-end suites again on
// PostgreSQL (tests/support/postgres.ts: TEST_POSTGRES_URL, by default 127.0.0.1:5432). The
// PostgreSQL project runs when that server answers; REQUIRE_POSTGRES=1 (set by .ci/run) makes an
// unreachable server a failure instead of a skip.
import { defineConfig } from 'vitest/config';
import { serverReachable } from './tests/support/postgres.ts';

const postgres = process.env.REQUIRE_POSTGRES === '1' || serverReachable();
if (!postgres) console.warn('PostgreSQL not reachable (TEST_POSTGRES_URL): only the SQLite tests run.');

const shared = { globalSetup: ['tests/support/global-setup.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'sqlite', include: ['src/**/*.test.ts', 'tests/**/*.test.ts'] } },
      ...(postgres
        ? [{ test: { ...shared, name: 'postgresql', include: ['tests/db/**/*.test.ts', 'tests/jobs/**/*.test.ts', 'tests/e2e/**/*.test.ts'], env: { SPBE_TEST_DB: 'postgresql' } } }]
        : []),
    ],
  },
});
