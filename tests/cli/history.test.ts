// Every change of a level is kept with who and when, can be listed, and is audited; and the
// official results of past years (`history add|import|list|remove`) are kept for the trend.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../support/cli.ts';
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
    expect(stored.map((c) => [c.oldValue, c.newValue, c.source, c.authorId])).toEqual([[null, 500, 'import', null], [500, 400, 'import', null]]);
    const audits = await t.db.auditEntry.findMany({ where: { action: 'scores.import' } });
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.via === 'cli')).toBe(true);
    expect(JSON.parse(audits[1]!.detail).changes).toContainEqual({ indikator: 42, dari: '5,00', ke: '4,00' });
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

describe('past yearly results (history)', () => {
  const FIXTURE = 'tests/fixtures/paser-history.csv';
  const state = async () => ({
    results: await t.db.pastResult.findMany({ include: { domains: { orderBy: { domainNo: 'asc' } } }, orderBy: [{ workspaceId: 'asc' }, { year: 'asc' }] }),
    audits: await t.db.auditEntry.count(),
  });
  const paserRows = () => t.db.pastResult.findMany({
    where: { workspace: { slug: 'paser' } }, include: { domains: { orderBy: { domainNo: 'asc' } } }, orderBy: { year: 'asc' },
  });

  /** A refused call: non-zero, nothing on stdout, each message on stderr, the database unchanged. */
  async function expectRefused(argv: string[], code: number, ...messages: string[]) {
    const before = await state();
    const run = await cli(t.db, argv);
    expect(run).toMatchObject({ code, stdout: '' });
    for (const m of messages) expect(run.stderr).toContain(m);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(await state()).toEqual(before);
    return run;
  }

  beforeAll(async () => {
    expect((await cli(t.db, ['workspace', 'create', '--slug', 'paser', '--name', 'Kab. Paser', '--tz', 'WITA', '--year', '2025'])).code).toBe(0);
    expect((await cli(t.db, ['workspace', 'create', '--slug', 'paser-xlsx', '--name', 'Kab. Paser', '--tz', 'WITA', '--year', '2025'])).code).toBe(0);
  });

  it('says so when there is no history yet', async () => {
    const run = await cli(t.db, ['history', 'list', '--workspace', 'paser']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Belum ada riwayat hasil untuk paser');
  });

  it('tries the Paser CSV with --dry-run (nothing saved), then imports 2018–2024', async () => {
    const before = await state();
    const dry = await cli(t.db, ['history', 'import', '--workspace', 'paser', '--file', FIXTURE, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toBe('Uji coba untuk paser (tidak ada yang disimpan): 7 baris sah; 7 baru, 0 berubah, 0 sama.');
    expect(await state()).toEqual(before);

    const run = await cli(t.db, ['history', 'import', '--workspace', 'paser', '--file', FIXTURE]);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'Riwayat diimpor untuk paser: 7 baru, 0 berubah, 0 sama.' });
    const rows = await paserRows();
    expect(rows.map((r) => [r.year, r.indexUnits, r.predicate])).toEqual([
      [2018, 18_500, 'Cukup'], [2019, 16_900, 'Kurang'], [2020, 16_900, 'Kurang'], [2021, 13_600, 'Kurang'],
      [2022, 21_300, 'Cukup'], [2023, 29_000, 'Baik'], [2024, 32_700, 'Baik'],
    ]);
    expect(rows[6]!.domains.map((d) => [d.domainNo, d.indexUnits])).toEqual([[1, 39_000], [2, 30_000], [3, 23_600], [4, 35_600]]);
    expect(await t.db.auditEntry.count({ where: { action: 'history.save', entity: 'past_result' } })).toBe(7);

    const again = await cli(t.db, ['history', 'import', '--workspace', 'paser', '--file', FIXTURE]);
    expect(again.stdout).toBe('Riwayat diimpor untuk paser: 0 baru, 0 berubah, 7 sama.');
  });

  it('lists the years as a table with Indonesian decimals, domains and sources', async () => {
    const run = await cli(t.db, ['history', 'list', '--workspace', 'paser']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Tahun +Indeks +Predikat +D1 +D2 +D3 +D4 +Kerangka +Sumber$/);
    expect(lines.slice(2)).toHaveLength(7);
    expect(lines[2]).toMatch(/^ 2018 +1,85 +Cukup +– +– +– +– +Riwayat indeks SPBE Kab\. Paser \(Dailykaltim\.co\)$/);
    expect(lines[7]).toMatch(/^ 2023 +2,90 +Baik +3,00 +2,60 +2,00 +3,37 +spbe-2020 +Laporan hasil evaluasi SPBE 2023 KemenPANRB$/);
  });

  it('adds one year from options; saving a year again replaces it whole, domains included', async () => {
    const run = await cli(t.db, ['history', 'add', '--workspace', 'paser', '--year', '2025', '--index', '3,50',
      '--domains', '3,90/3,40/3,00/3,60', '--source', 'uji']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Riwayat Kab. Paser 2025 disimpan: indeks 3,50, domain 1: 3,90 / 2: 3,40 / 3: 3,00 / 4: 3,60.');
    // no predicate given: the list shows the one the year's bands give, marked
    const list = await cli(t.db, ['history', 'list', '--workspace', 'paser']);
    expect(list.stdout).toMatch(/ 2025 +3,50 +Sangat Baik\* +3,90 +3,40 +3,00 +3,60 +uji/);
    expect(list.stdout).toContain('* predikat dihitung dari rentang kerangka tahun itu');

    const replaced = await cli(t.db, ['history', 'add', '--workspace', 'paser', '--year', '2023', '--index', '2.9', '--predicate', 'baik', '--framework', 'SPBE-2020']);
    expect(replaced.stdout).toBe('Riwayat Kab. Paser 2023 diperbarui: indeks 2,90 (Baik).');
    const y2023 = (await paserRows()).find((r) => r.year === 2023)!;
    expect(y2023).toMatchObject({ indexUnits: 29_000, predicate: 'Baik', frameworkCode: 'spbe-2020', source: null, domains: [] });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'history.save', entityId: '2023' }, orderBy: { id: 'desc' } });
    const detail = JSON.parse(audit.detail);
    expect(detail.before).toMatchObject({ indexUnits: 29_000, source: 'Laporan hasil evaluasi SPBE 2023 KemenPANRB' });
    expect(detail.before.domains).toHaveLength(4);
    expect(detail.after).toMatchObject({ domains: [], source: null });
  });

  it('refuses bad options in Indonesian, exit non-zero, and changes nothing', async () => {
    const add = ['history', 'add', '--workspace', 'paser', '--year', '2022'];
    await expectRefused([...add, '--index', '5,01'], 1, 'Galat: tidak ada yang disimpan:\nopsi --index: indeks "5,01" di luar rentang 1,00–5,00.');
    await expectRefused([...add, '--index', '2,905'], 1, 'opsi --index: indeks "2,905" memiliki lebih dari 2 desimal');
    await expectRefused([...add, '--index', '2,83', '--predicate', 'Cukup'], 1,
      'opsi --predicate: predikat "Cukup" tidak cocok dengan indeks 2,83; menurut rentang kerangka spbe-2020 indeks itu berpredikat Baik (2,6 – < 3,5).');
    await expectRefused([...add, '--index', '2,13', '--domains', '2/2/2/2/2'], 1, 'opsi --domains (domain 5): kerangka spbe-2020 hanya memiliki domain 1–4.');
    await expectRefused([...add, '--index', '2,13', '--framework', 'pemdi-2026'], 1, 'opsi --framework: kerangka pemdi-2026 tidak berlaku untuk tahun 2022');
    await expectRefused(['history', 'add', '--workspace', 'paser', '--year', '1999', '--index', 'x'], 1,
      'opsi --year: tahun "1999" tidak sah', 'opsi --index: indeks "x" bukan angka');
    await expectRefused(add, 2, 'opsi wajib tidak ada: --index');
    await expectRefused(['history', 'add', '--workspace', 'tidak-ada', '--year', '2022', '--index', '2,13'], 1, 'workspace "tidak-ada" tidak ditemukan');
    await expectRefused(['history', 'ubah', '--workspace', 'paser'], 2, 'perintah history "ubah" tidak dikenal');
  });

  it('imports all or nothing: a file with bad rows saves nothing and lists every error', async () => {
    const file = join(t.dir, 'riwayat-salah.csv');
    writeFileSync(file, [
      'tahun;indeks;predikat;domain_1',
      '2019;1,70;Kurang;',
      '2022;2,83;Cukup;',
      '2023;2,905;Baik;3,00',
      '2019;1,69;Kurang;',
      '2030;2,40;Baik;3',
    ].join('\n'));
    await expectRefused(['history', 'import', '--workspace', 'paser', '--file', file], 1,
      'Galat: Impor dibatalkan, tidak ada yang disimpan (5 kesalahan):',
      'Baris 3, kolom predikat: predikat "Cukup" tidak cocok dengan indeks 2,83',
      'Baris 4, kolom indeks: indeks "2,905" memiliki lebih dari 2 desimal',
      'Baris 5, kolom tahun: tahun 2019 sudah ada di baris 2; setiap tahun hanya boleh satu baris.',
      'Baris 6, kolom domain_1: kerangka pemdi-2026 tidak memiliki domain; kosongkan nilai domain.',
      'Baris 6, kolom predikat: predikat "Baik" tidak cocok dengan indeks 2,40; menurut rentang kerangka pemdi-2026 indeks itu berpredikat Cukup (> 1,5 – 2,5).');
    expect((await paserRows()).find((r) => r.year === 2019)!.indexUnits).toBe(16_900);
    await expectRefused(['history', 'import', '--workspace', 'paser', '--file', join(t.dir, 'tidak-ada.csv')], 1, 'berkas "');
    await expectRefused(['history', 'import', '--workspace', 'paser', '--file', `${REPO_ROOT}README.md`], 1, 'tidak didukung');
  });

  it('warns on stdout, and still saves, when all four domains do not give the index', async () => {
    const file = join(t.dir, 'riwayat-domain.csv');
    writeFileSync(file, 'tahun;indeks;domain_1;domain_2;domain_3;domain_4\n2024;3,27;3,90;3,00;2,36;3,65\n');
    const run = await cli(t.db, ['history', 'import', '--workspace', 'paser', '--file', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Riwayat diimpor untuk paser: 0 baru, 1 berubah, 0 sama.\n' +
      'Peringatan: Baris 2, kolom indeks: indeks 3,27 tidak sesuai dengan nilai domainnya: menurut bobot domain spbe-2020 hasilnya 3,31; periksa kembali angka indeks dan domain.');
  });

  it('imports a real .xlsx (number cells, "Domain 1" headers) to the same rows as the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Riwayat');
    sheet.addRow(['Tahun', 'Indeks', 'Predikat', 'Kerangka', 'Sumber', 'Domain 1', 'Domain 2', 'Domain 3', 'Domain 4']);
    sheet.addRow([2018, 1.85, 'Cukup', null, 'Riwayat indeks SPBE Kab. Paser (Dailykaltim.co)']);
    sheet.addRow([2023, 2.9, 'Baik', 'spbe-2020', 'Laporan hasil evaluasi SPBE 2023 KemenPANRB', 3, 2.6, 2, 3.37]);
    sheet.addRow([2024, 3.27, 'Baik', 'spbe-2020', 'Laporan hasil evaluasi SPBE 2024 KemenPANRB', 3.9, 3, 2.36, 3.56]);
    const file = join(t.dir, 'riwayat.xlsx');
    await workbook.xlsx.writeFile(file);

    const run = await cli(t.db, ['history', 'import', '--workspace', 'paser-xlsx', '--file', file]);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'Riwayat diimpor untuk paser-xlsx: 3 baru, 0 berubah, 0 sama.' });
    const fromXlsx = await t.db.pastResult.findMany({ where: { workspace: { slug: 'paser-xlsx' } }, include: { domains: { orderBy: { domainNo: 'asc' } } }, orderBy: { year: 'asc' } });
    expect(fromXlsx.map((r) => [r.year, r.indexUnits, r.predicate, r.frameworkCode, r.domains.map((d) => d.indexUnits)])).toEqual([
      [2018, 18_500, 'Cukup', null, []],
      [2023, 29_000, 'Baik', 'spbe-2020', [30_000, 26_000, 20_000, 33_700]],
      [2024, 32_700, 'Baik', 'spbe-2020', [39_000, 30_000, 23_600, 35_600]],
    ]);
  });

  it('removes one year (audited), and refuses a year that is not there', async () => {
    const run = await cli(t.db, ['history', 'remove', '--workspace', 'paser', '--year', '2025']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Riwayat Kab. Paser 2025 dihapus (indeks 3,50, domain 1: 3,90 / 2: 3,40 / 3: 3,00 / 4: 3,60).');
    expect((await paserRows()).map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(await t.db.pastDomainResult.count({ where: { pastResult: { year: 2025 } } })).toBe(0);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { action: 'history.delete' } });
    expect(audit).toMatchObject({ entity: 'past_result', entityId: '2025', via: 'cli' });
    await expectRefused(['history', 'remove', '--workspace', 'paser', '--year', '2025'], 1, 'riwayat paser tidak memuat tahun 2025');
    await expectRefused(['history', 'remove', '--workspace', 'paser', '--year', '20x5'], 1, 'tahun "20x5" tidak sah');
  });

  it('is in the help text', async () => {
    expect((await cli(t.db, ['help'])).stdout).toContain('npm run cli -- history import --workspace paser --file riwayat.csv|riwayat.xlsx [--dry-run]');
  });
});
