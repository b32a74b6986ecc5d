// One real SQLite database per test file, copied from the template that global-setup built
// from the real migrations. Never a Prisma mock.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';

export interface TestDb {
  db: Db;
  url: string;
  path: string;
  dir: string;
  close(): Promise<void>;
}

export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-test-'));
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
