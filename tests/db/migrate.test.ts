// Bringing databases up to date: a new file is migrated by `prisma migrate deploy`, an older one
// gets only what it lacks, and one migrated by a newer spbe-bot is refused, through the real
// `npm run cli` process as an admin would run it.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { listCodeMigrations, planMigrations } from '../../src/db/migrate.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { createTestDb } from '../support/db.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function npmCli(databaseUrl: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'cli', '--', ...args], {
      cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run cli on databases of every age', () => {
  it('creates and migrates a new database file, loading both frameworks', async () => {
    const url = `file:${join(dir, 'new.db')}`;
    const result = await npmCli(url, 'frameworks', 'list');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/spbe-2020 .*47 .*resmi/);
    expect(result.stdout).toMatch(/pemdi-2026 .*20 .*resmi/);
    const db = createDb(url);
    expect(await planMigrations(db)).toEqual({ pending: [], applied: listCodeMigrations() });
    expect(await db.indicator.count()).toBe(67);
    await db.$disconnect();
  });

  it('refuses a database that a newer spbe-bot has migrated, with a clear message, changing nothing', async () => {
    const t = createTestDb();
    await t.db.$executeRawUnsafe(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, started_at, applied_steps_count) " +
      "VALUES ('x', 'y', '29990101000000_from_the_future', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
    const result = await npmCli(t.url, 'workspace', 'create', '--slug', 'a', '--name', 'A', '--tz', 'WIB', '--year', '2024');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('sudah dimigrasikan oleh versi spbe-bot yang lebih baru');
    expect(result.stderr).toContain('29990101000000_from_the_future');
    expect(await t.db.workspace.count()).toBe(0);
    await t.close();
  });

  it('an older database (made by the previous release) gets only the migrations it lacks', async () => {
    // Build the previous release's database for real: `migrate deploy` in a copy of the project
    // whose migrations folder stops one migration short.
    const known = listCodeMigrations();
    const older = join(dir, 'older-release');
    mkdirSync(join(older, 'prisma', 'migrations'), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(older, 'node_modules'));
    cpSync(join(REPO_ROOT, 'prisma.config.ts'), join(older, 'prisma.config.ts'));
    cpSync(join(REPO_ROOT, 'prisma', 'schema.prisma'), join(older, 'prisma', 'schema.prisma'));
    cpSync(join(REPO_ROOT, 'prisma', 'migrations', 'migration_lock.toml'), join(older, 'prisma', 'migrations', 'migration_lock.toml'));
    // The previous release stopped before values became hundredths.
    const cut = known.findIndex((n) => n.endsWith('_decimal_values'));
    for (const name of known.slice(0, cut)) {
      cpSync(join(REPO_ROOT, 'prisma', 'migrations', name), join(older, 'prisma', 'migrations', name), { recursive: true });
    }
    const url = `file:${join(dir, 'older.db')}`;
    await run(process.execPath, [join(REPO_ROOT, 'node_modules/prisma/build/index.js'), 'migrate', 'deploy'], {
      cwd: older, env: { ...process.env, DATABASE_URL: url },
    });
    const before = createDb(url);
    expect((await planMigrations(before)).pending).toEqual(known.slice(cut));
    // What the previous release stored: whole levels (an SPBE 3, changed from 2).
    for (const sql of [
      `INSERT INTO Framework (id, code, name, regulation, validFrom, contentHash) VALUES (1, 'spbe-2020', 'Indeks SPBE', 'x', 2021, 'old')`,
      `INSERT INTO Aspect (id, frameworkId, no, name, weight) VALUES (1, 1, 1, 'A', 1300)`,
      `INSERT INTO Indicator (id, frameworkId, aspectId, no, name, weight, scale, externalSource) VALUES (7, 1, 1, 1, 'I', 130, 'proses', NULL)`,
      `INSERT INTO Workspace (id, slug, name, timeZone, updatedAt) VALUES (1, 'lama', 'Lama', 'Asia/Jakarta', CURRENT_TIMESTAMP)`,
      `INSERT INTO Evaluation (id, workspaceId, frameworkId, year) VALUES (1, 1, 1, 2024)`,
      `INSERT INTO Score (evaluationId, indicatorId, stage, level, updatedAt) VALUES (1, 7, 'final', 3, CURRENT_TIMESTAMP)`,
      `INSERT INTO ScoreChange (evaluationId, indicatorId, stage, oldLevel, newLevel, source) VALUES (1, 7, 'final', 2, 3, 'bot')`,
    ]) await before.$executeRawUnsafe(sql);
    await before.$disconnect();

    const result = await npmCli(url, 'frameworks', 'list');
    expect(result.code).toBe(0);
    const db = createDb(url);
    expect(await planMigrations(db)).toEqual({ pending: [], applied: known });
    expect(await db.framework.count()).toBe(2);
    // Nothing lost: a whole level becomes its value in hundredths (3 → 3,00), and the framework
    // file was reloaded into the same indicator row.
    expect(await db.score.findMany({ select: { indicatorId: true, value: true } })).toEqual([{ indicatorId: 7, value: 300 }]);
    expect(await db.scoreChange.findMany({ select: { oldValue: true, newValue: true } })).toEqual([{ oldValue: 200, newValue: 300 }]);
    expect(await db.indicator.findUnique({ where: { id: 7 }, select: { no: true } })).toEqual({ no: 1 });
    expect((await db.framework.findUniqueOrThrow({ where: { code: 'spbe-2020' } })).contentHash).not.toBe('old');
    await db.$disconnect();
  });

  it('refuses a database that holds tables of something else, with a message', async () => {
    const url = `file:${join(dir, 'foreign.db')}`;
    const foreign = createDb(url);
    await foreign.$executeRawUnsafe('CREATE TABLE spreadsheet (cell TEXT)');
    await foreign.$disconnect();
    const result = await npmCli(url, 'frameworks', 'list');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bukan basis data spbe-bot');
  });

  it('refuses a database whose migration failed half-way', async () => {
    const t = createTestDb();
    await t.db.$executeRawUnsafe('UPDATE _prisma_migrations SET finished_at = NULL');
    await expect(planMigrations(t.db)).rejects.toThrow(/pernah gagal di tengah jalan/);
    await t.close();
  });
});
