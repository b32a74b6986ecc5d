// Several processes started together on a new database (a reboot, replicas started at once): one
// migrates and loads the frameworks, the others wait their turn and find it done. Before, all
// but one failed (SQLite: the file locked under a second `migrate deploy`; PostgreSQL: Prisma's
// migration lock given up after 10 s) and exited. Three clients here, each running the real
// `prisma migrate deploy` child process as a process of the bot does.
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import { listCodeMigrations } from '../../src/db/migrate.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { TEST_PROVIDER } from '../support/db.ts';
import { databaseUrl, dropDatabase, psql } from '../support/postgres.ts';

const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-prepare-'));
const dropped: string[] = [];
const clients: Db[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  for (const name of dropped) dropDatabase(name);
  rmSync(dir, { recursive: true, force: true });
});

/** A database with nothing in it yet, of the provider under test. */
function emptyDatabase(label: string): string {
  if (TEST_PROVIDER === 'postgresql') {
    const name = `spbe_prep_${label}_${process.pid}`;
    psql(`CREATE DATABASE "${name}"`);
    dropped.push(name);
    return databaseUrl(name);
  }
  return `file:${join(dir, `${label}.db`)}`;
}

const client = (url: string) => { const db = createDb(url); clients.push(db); return db; };

describe(`preparing one new ${TEST_PROVIDER} database from three processes at once`, () => {
  it('migrates it once and loads the frameworks once; the other two wait, then start', async () => {
    const url = emptyDatabase('together');
    const waited: number[] = [];
    const results = await Promise.allSettled([0, 1, 2].map((k) => prepareDatabase(client(url), url, () => waited.push(k))));
    expect(results.map((r) => r.status === 'rejected' ? String(r.reason).slice(0, 300) : 'ok')).toEqual(['ok', 'ok', 'ok']);
    const migrated = results.map((r) => (r as PromiseFulfilledResult<{ migrated: string[] }>).value.migrated);
    // One process applied every migration; the two that waited found none left.
    expect(migrated.filter((m) => m.length > 0)).toEqual([listCodeMigrations(TEST_PROVIDER)]);
    expect(waited).toHaveLength(2);
    const db = clients.at(-1)!;
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
    expect(rows.map((r) => r.migration_name).sort()).toEqual(listCodeMigrations(TEST_PROVIDER));
    expect(await db.framework.count()).toBe(2);
    expect(await db.indicator.count()).toBe(67);
  }, 120_000);

  it.skipIf(TEST_PROVIDER !== 'sqlite')('is not held up by the lock a killed process left behind', async () => {
    const url = emptyDatabase('left-lock');
    // What a process killed during its start leaves: the lock, no longer refreshed.
    const lock = `${url.slice('file:'.length)}.prepare-lock`;
    mkdirSync(lock);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    let waited = false;
    const { migrated } = await prepareDatabase(client(url), url, () => { waited = true; });
    expect(migrated).toEqual(listCodeMigrations('sqlite'));
    expect(waited).toBe(false);
  }, 60_000);
});
