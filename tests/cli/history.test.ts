// Every change of a level is kept with who and when, can be listed, and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = createTestDb();
  await cli(t.db, ['workspace', 'create', '--slug', 'kaltim', '--name', 'Pemprov Kaltim', '--tz', 'WITA', '--year', '2024', '--target', '3,80']);
});
afterAll(() => t.close());

describe('score history and audit', () => {
  it('keeps each change of a level (old → new, stage, source) and lists it', async () => {
    expect((await cli(t.db, ['scores', 'import', '--workspace', 'kaltim', '--file', 'tests/fixtures/kaltim-2024-final.csv'])).code).toBe(0);
    const again = await cli(t.db, ['scores', 'import', '--workspace', 'kaltim', '--file', 'tests/fixtures/kaltim-2024-final.csv']);
    expect(again.stdout).toContain('0 baru, 0 berubah, 47 sama');
    const changed = await cli(t.db, ['scores', 'import', '--workspace', 'kaltim', '--file', 'tests/fixtures/paser-2024-final.csv']);
    expect(changed.stdout).toMatch(/0 baru, \d+ berubah, \d+ sama/);

    // Indicator 1: 4 (Kaltim fixture) → 4 (Paser) is unchanged; indicator 42: 5 → 4.
    const run = await cli(t.db, ['scores', 'history', '--workspace', 'kaltim', '--indicator', '042']);
    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/\d+ [A-Z][a-z]+ \d{4} \d\d\.\d\d WITA +final +42 +– +5 +CLI admin/);
    expect(rows[1]).toMatch(/final +42 +5 +4 +CLI admin/);
    const stored = await t.db.scoreChange.findMany({ where: { indicator: { no: 42, framework: { code: 'spbe-2020' } } } });
    expect(stored.map((c) => [c.oldLevel, c.newLevel, c.source, c.authorId])).toEqual([[null, 5, 'import', null], [5, 4, 'import', null]]);
    const audits = await t.db.auditEntry.findMany({ where: { action: 'scores.import' } });
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.via === 'cli')).toBe(true);
    expect(JSON.parse(audits[1]!.detail).changes).toContainEqual({ indikator: 42, dari: 5, ke: 4 });
  });

  it('refuses an unknown indicator in the history filter', async () => {
    const run = await cli(t.db, ['scores', 'history', '--workspace', 'kaltim', '--indicator', '48']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain('indikator "48" tidak dikenal (nomor 1–47)');
  });

  it('compares the index with the target unrounded, and says how far it is', async () => {
    const run = await cli(t.db, ['index', '--workspace', 'kaltim']);
    expect(run.stdout).toContain('Indeks: 3,27 (Baik)');
    expect(run.stdout).toContain('Target: 3,80 — belum tercapai (-0,53)');
    const json = JSON.parse((await cli(t.db, ['index', '--workspace', 'kaltim', '--json'])).stdout);
    expect(json.target).toBe(3.8);
  });

  it('records the workspace creation in the audit log', async () => {
    const created = await t.db.auditEntry.findFirst({ where: { action: 'workspace.create' } });
    expect(created).toMatchObject({ via: 'cli', entity: 'workspace', actorId: null });
    expect(JSON.parse(created!.detail)).toMatchObject({ slug: 'kaltim', year: 2024, targetUnits: 38_000 });
  });
});

describe('OPDs from the CLI', () => {
  it('adds and lists OPDs, refusing a duplicate or a bad code', async () => {
    expect((await cli(t.db, ['opd', 'add', '--workspace', 'kaltim', '--code', 'Bappeda', '--name', 'Badan Perencanaan'])).stdout)
      .toBe('OPD bappeda (Badan Perencanaan) ditambahkan ke Pemprov Kaltim.');
    const dup = await cli(t.db, ['opd', 'add', '--workspace', 'kaltim', '--code', 'bappeda', '--name', 'Lagi']);
    expect(dup).toMatchObject({ code: 1, stdout: '' });
    expect(dup.stderr).toContain('OPD "bappeda" sudah ada');
    const bad = await cli(t.db, ['opd', 'add', '--workspace', 'kaltim', '--code', 'biro hukum', '--name', 'Biro Hukum']);
    expect(bad.stderr).toContain('kode OPD "biro hukum" tidak sah');
    const list = await cli(t.db, ['opd', 'list', '--workspace', 'kaltim']);
    expect(list.stdout).toMatch(/bappeda +Badan Perencanaan/);
    expect(await t.db.opd.count()).toBe(1);
  });
});
