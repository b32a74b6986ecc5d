// One real database per test file, never a Prisma mock: a SQLite file copied from the template
// that global-setup built from the real migrations, or, in the `postgresql` test project, a
// PostgreSQL database created from the template database global-setup migrated the same way.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import { databaseUrl, dropDatabase, psql } from './postgres.ts';

export interface TestDb {
  db: Db;
  url: string;
  /** the SQLite file ('' on PostgreSQL) */
  path: string;
  dir: string;
  close(): Promise<void>;
}

/** Which database the running test project uses (vitest.config.ts sets it per project). */
export const TEST_PROVIDER = process.env.SPBE_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';

export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-test-'));
  if (TEST_PROVIDER === 'postgresql') {
    const name = `spbe_t_${randomBytes(6).toString('hex')}`;
    psql(`CREATE DATABASE "${name}" TEMPLATE "${inject('templatePgDatabase')}"`);
    const url = databaseUrl(name);
    const db = createDb(url);
    return {
      db, url, path: '', dir,
      async close() {
        await db.$disconnect();
        dropDatabase(name);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const path = join(dir, 'test.db');
  copyFileSync(inject('templateDbPath'), path);
  const url = `file:${path}`;
  const db = createDb(url);
  return {
    db, url, path, dir,
    async close() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
