// Moving a deployment: a populated SQLite database copied into an empty PostgreSQL database with
// `npm run cli -- db copy --to …` (every row, every id; the same index from both; the target's
// sequences past the copied ids), a non-empty target refused; and the SQLite online backup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { createItem } from '../../src/db/checklists.ts';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { replanAll } from '../../src/db/reminder-plan.ts';
import { TEST_PROVIDER } from '../support/db.ts';
import { databaseUrl, dropDatabase, psql } from '../support/postgres.ts';

const NOW = new Date('2024-09-20T01:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-copy-'));
const targetName = `spbe_copy_${process.pid}`;
let source: Db;

async function cli(db: Db, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli({ db, io: { out: (t) => out.push(t), err: (t) => err.push(t) }, now: NOW, cwd: dir }, argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every row of every table, in primary-key order, as Prisma reads them. */
async function everything(db: Db) {
  const models = Object.keys((db as unknown as { _runtimeDataModel: { models: Record<string, unknown> } })._runtimeDataModel.models).sort();
  const all: Record<string, unknown[]> = {};
  for (const model of models) {
    const delegate = (db as unknown as Record<string, { findMany(a: object): Promise<Record<string, unknown>[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    const rows = await delegate.findMany({});
    all[model] = rows.sort((a, b) => JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? String(v) : v)).localeCompare(JSON.stringify(b, (_, v) => (typeof v === 'bigint' ? String(v) : v))));
  }
  return all;
}

const onPostgres = TEST_PROVIDER === 'postgresql';

beforeAll(async () => {
  const url = `file:${join(dir, 'bot.db')}`;
  source = createDb(url);
  await prepareDatabase(source, url);
  const workspaceId = await seedDemoWorkspace(source);
  const evaluation = await source.evaluation.findFirstOrThrow({ where: { workspaceId } });
  const opd = await source.opd.findFirstOrThrow({ where: { workspaceId, code: 'bappeda' } });
  for (let i = 1; i <= 30; i++) {
    await createItem(source, {
      workspaceId, evaluationId: evaluation.id, opdId: opd.id, indicatorId: null, stage: 'dokumen', level: null,
      title: `Butir ${i} — "kutip" & <tag>`, description: i % 2 ? 'deskripsi' : null, dueDate: `2024-10-${String(i % 28 + 1).padStart(2, '0')}`, assigneeId: null,
    }, CLI_ACTOR, NOW);
  }
  await replanAll(source, NOW);
  if (onPostgres) psql(`CREATE DATABASE "${targetName}"`);
}, 120_000);

afterAll(async () => {
  await source.$disconnect();
  if (onPostgres) dropDatabase(targetName);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!onPostgres)('db copy to PostgreSQL', () => {
  it('copies every row with its id, answers the same index, and refuses to copy into it again', async () => {
    const url = databaseUrl(targetName);
    const done = await cli(source, 'db', 'copy', '--to', url);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Selesai: \d+ baris dari \d+ tabel tersalin/);
    const target = createDb(url);
    try {
      expect(await everything(target)).toEqual(await everything(source));
      const index = (db: Db) => cli(db, 'index', '--workspace', 'demo-kaltim', '--json');
      expect((await index(target)).out).toBe((await index(source)).out);
      // New rows get new ids, after the copied ones.
      const highest = (await target.checklistItem.aggregate({ _max: { id: true } }))._max.id!;
      const item = await target.checklistItem.create({ data: { ...(({ workspaceId, id }) => ({ workspaceId, opdId: id }))(await target.opd.findFirstOrThrow()), title: 'Baru', status: 'belum' } });
      expect(item.id).toBe(highest + 1);

      const again = await cli(source, 'db', 'copy', '--to', url);
      expect(again.code).toBe(1);
      expect(again.err).toContain('basis data tujuan tidak kosong');
    } finally {
      await target.$disconnect();
    }
  }, 180_000);
});

describe('db backup', () => {
  it('writes a consistent copy of the SQLite file that opens with every row, and never overwrites', async () => {
    const done = await cli(source, 'db', 'backup', '--out', 'cadangan.db');
    expect(done).toMatchObject({ code: 0, out: `Cadangan tersimpan: ${join(dir, 'cadangan.db')}` });
    const copy = createDb(`file:${join(dir, 'cadangan.db')}`);
    try {
      expect(await copy.checklistItem.count()).toBe(await source.checklistItem.count());
      expect(await copy.reminderDelivery.count()).toBe(await source.reminderDelivery.count());
    } finally {
      await copy.$disconnect();
    }
    const again = await cli(source, 'db', 'backup', '--out', 'cadangan.db');
    expect(again.code).toBe(1);
    expect(again.err).toContain('sudah ada');
    const noFolder = await cli(source, 'db', 'backup', '--out', 'tidak-ada/cadangan.db');
    expect(noFolder).toMatchObject({ code: 1, out: '' });
    expect(noFolder.err).toContain(`folder ${join(dir, 'tidak-ada')} tidak ada`);
  });

  it('says in Indonesian when the target cannot be reached or does not exist, and copies nothing', async () => {
    for (const to of ['postgresql://postgres@127.0.0.1:1/spbe', databaseUrl(`spbe_tidak_ada_${process.pid}`)]) {
      const run = await cli(source, 'db', 'copy', '--to', to);
      expect(run).toMatchObject({ code: 1, out: '' });
      expect(run.err).toContain('basis data tujuan tidak dapat dihubungi');
      expect(run.err).toContain('buat dulu basis data kosongnya');
    }
  });
});
