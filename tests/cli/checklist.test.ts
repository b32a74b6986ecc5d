// The checklist from the admin CLI: generated from the ownership map, exported, edited in a
// spreadsheet and imported back (every row or none), and carried over from last year.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const WS = 'demo-kaltim';
let t: TestDb;
let workspaceId: number;
let evaluationId: number;
let budiId: number;

beforeAll(async () => {
  t = createTestDb();
  workspaceId = await seedDemoWorkspace(t.db);
  evaluationId = (await t.db.evaluation.findFirstOrThrow({ where: { workspaceId, year: 2024 } })).id;
  budiId = (await t.db.person.update({ where: { telegramId: 900_002n }, data: { username: 'Budi_Bappeda' } })).id;
});
afterAll(() => t.close());

const path = (name: string) => join(t.dir, name);
const items2024 = () => t.db.checklistItem.findMany({ where: { evaluationId }, include: { opd: true, indicator: true }, orderBy: { id: 'asc' } });
const counts = async () => ({
  items: await t.db.checklistItem.count(), audits: await t.db.auditEntry.count(), owners: await t.db.indicatorOwner.count(),
});

async function loadXlsx(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { workbook, sheet: workbook.getWorksheet('Ceklis')! };
}

describe('checklist generate', () => {
  it('makes one item per indicator × owning OPD, writes the owners, and a second run creates nothing', async () => {
    const run = await cli(t.db, ['checklist', 'generate', '--workspace', WS]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Ceklis demo-kaltim 2024 (Indeks SPBE): 72 butir dibuat, 0 sudah ada.\n' +
      'Pemilik indikator dari spbe-2020.json; 72 pasangan indikator–OPD disimpan sebagai peta pemilik workspace.');
    const items = await items2024();
    expect(items).toHaveLength(72);
    expect(new Set(items.map((i) => i.indicator!.no)).size).toBe(47);
    expect(items.filter((i) => i.indicator!.no === 1).map((i) => i.opd.code).sort()).toEqual(['biro-hukum', 'diskominfo']);
    const twelve = items.find((i) => i.indicator!.no === 12 && i.opd.code === 'bappeda')!;
    expect(twelve).toMatchObject({ title: 'Bukti dukung indikator 12: Peta Rencana SPBE', stage: 'dokumen', status: 'belum', dueDate: null });
    expect(twelve.description).toBe(twelve.indicator!.evidenceExample);
    expect(await t.db.indicatorOwner.count({ where: { workspaceId } })).toBe(72);

    const again = await cli(t.db, ['checklist', 'generate', '--workspace', WS]);
    expect(again.stdout).toBe('Ceklis demo-kaltim 2024 (Indeks SPBE): 0 butir dibuat, 72 sudah ada.\nPemilik indikator dari peta pemilik workspace.');
    expect(await t.db.checklistItem.count({ where: { evaluationId } })).toBe(72);
    expect(await t.db.auditEntry.count({ where: { action: 'checklist.generate' } })).toBe(1);
  });

  it('follows the workspace map once edited: a new owner gets its item on the next run', async () => {
    const indicator = await t.db.indicator.findFirstOrThrow({ where: { no: 46, framework: { code: 'spbe-2020' } } });
    const rsud = await t.db.opd.findFirstOrThrow({ where: { workspaceId, code: 'rsud' } });
    await t.db.indicatorOwner.create({ data: { workspaceId, indicatorId: indicator.id, opdId: rsud.id } });
    const run = await cli(t.db, ['checklist', 'generate', '--workspace', WS]);
    expect(run.stdout).toContain('1 butir dibuat, 72 sudah ada');
    expect(await t.db.checklistItem.count({ where: { evaluationId, indicatorId: indicator.id, opdId: rsud.id } })).toBe(1);
  });

  it('gives indicators to diskominfo when an owner is missing, lists those nobody can take, refuses a workspace without OPDs', async () => {
    await cli(t.db, ['workspace', 'create', '--slug', 'kab-baru', '--name', 'Kab. Baru', '--tz', 'WIB', '--year', '2024']);
    const none = await cli(t.db, ['checklist', 'generate', '--workspace', 'kab-baru']);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toContain('Kab. Baru belum memiliki OPD');
    await cli(t.db, ['opd', 'add', '--workspace', 'kab-baru', '--code', 'bappeda', '--name', 'Bappeda']);
    const run = await cli(t.db, ['checklist', 'generate', '--workspace', 'kab-baru']);
    expect(run.stdout).toContain('6 butir dibuat');
    expect(run.stdout).toContain('Indikator tanpa OPD (tambahkan OPD diskominfo atau peta pemilik): 1, 2, 3,');
  });

  it('refuses a broken ownership file, naming each fault, and writes nothing', async () => {
    const before = await counts();
    writeFileSync(path('peta.json'), JSON.stringify({ framework: 'spbe-2020', owners: { 48: ['bappeda'], 12: 'bappeda' } }));
    const run = await cli(t.db, ['checklist', 'generate', '--workspace', 'kab-baru', '--owners', path('peta.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('berkas kepemilikan peta.json ditolak');
    expect(run.stderr).toContain('indikator "48" tidak ada di kerangka spbe-2020');
    expect(run.stderr).toContain('indikator 12: harus berupa daftar kode OPD');
    expect(await counts()).toEqual(before);
  });
});

describe('checklist export and import', () => {
  it('round-trips an XLSX edited in a spreadsheet: a changed title and due date, a new row', async () => {
    const out = await cli(t.db, ['checklist', 'export', '--workspace', WS, '--file', path('ceklis.xlsx')]);
    expect(out).toMatchObject({ code: 0, stdout: `73 butir ceklis demo-kaltim 2024 diekspor ke ${path('ceklis.xlsx')}.` });
    const { workbook, sheet } = await loadXlsx(path('ceklis.xlsx'));
    let target: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'bappeda' && row.getCell(3).value === 12) target = row;
    });
    const id = target!.getCell(1).value as number;
    target!.getCell(6).value = 'Peta Rencana SPBE 2025–2029 (sudah ditandatangani)';
    target!.getCell(8).value = new Date(Date.UTC(2024, 8, 15));
    target!.getCell(9).value = '@budi_bappeda';
    target!.getCell(10).value = 'proses';
    const added = sheet.addRow(['', 'bpkad', 13, 'dokumen', '', 'RKA TIK 2025', '', '30-09-2024', '900001', '']);
    await workbook.xlsx.writeFile(path('ceklis-ubah.xlsx'));

    const before = await counts();
    const dry = await cli(t.db, ['checklist', 'import', '--workspace', WS, '--file', path('ceklis-ubah.xlsx'), '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout.split('\n')).toEqual([
      'Uji coba untuk demo-kaltim 2024 (tidak ada yang disimpan): 74 baris sah; 1 baru, 1 berubah, 72 sama.',
      `Baris ${added.number}: baru — bpkad, indikator 13: RKA TIK 2025`,
      `Baris ${target!.number}: ubah id ${id} — judul, tenggat, penanggung_jawab, status`,
    ]);
    expect(await counts()).toEqual(before);

    const run = await cli(t.db, ['checklist', 'import', '--workspace', WS, '--file', path('ceklis-ubah.xlsx')]);
    expect(run).toMatchObject({ code: 0, stdout: 'Ceklis diimpor untuk demo-kaltim 2024: 1 baru, 1 berubah, 72 sama.' });
    expect(await t.db.checklistItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: 'Peta Rencana SPBE 2025–2029 (sudah ditandatangani)', dueDate: '2024-09-15', assigneeId: budiId, status: 'proses',
    });
    const rina = await t.db.person.findUniqueOrThrow({ where: { telegramId: 900_001n } });
    const created = await t.db.checklistItem.findFirstOrThrow({ where: { title: 'RKA TIK 2025' }, include: { opd: true, indicator: true } });
    expect(created).toMatchObject({
      evaluationId, stage: 'dokumen', dueDate: '2024-09-30', assigneeId: rina.id, status: 'belum', createdById: null,
      opd: { code: 'bpkad' }, indicator: { no: 13 },
    });
    const audits = await t.db.auditEntry.findMany({ where: { action: 'checklist.import' } });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.detail)).toEqual({
      dibuat: [created.id], diubah: [{ id, kolom: ['judul', 'tenggat', 'penanggung_jawab', 'status'] }], sama: 72,
    });

    // a fresh export of the result imports as "all the same": the date cell reads back as written
    await cli(t.db, ['checklist', 'export', '--workspace', WS, '--file', path('ceklis-2.xlsx')]);
    const again = await cli(t.db, ['checklist', 'import', '--workspace', WS, '--file', path('ceklis-2.xlsx')]);
    expect(again.stdout).toBe('Ceklis diimpor untuk demo-kaltim 2024: 0 baru, 0 berubah, 74 sama.');
    expect(await t.db.auditEntry.count({ where: { action: 'checklist.import' } })).toBe(1);
  });

  it('round-trips a CSV (";" and a byte-order mark, as Indonesian Excel writes it)', async () => {
    expect((await cli(t.db, ['checklist', 'export', '--workspace', WS, '--file', path('ceklis.csv')])).code).toBe(0);
    const text = readFileSync(path('ceklis.csv'), 'utf8');
    expect(text.startsWith('\uFEFFid;opd;indikator;')).toBe(true);
    // a leading @ would make Excel read a formula: the export guards it, the import strips the guard
    expect(text.includes(";'@Budi_Bappeda;proses;")).toBe(true);
    const lines = text.split('\r\n');
    const at = lines.findIndex((l) => l.includes(';RKA TIK 2025;'));
    lines[at] = lines[at]!.replace(';RKA TIK 2025;', ';"RKA TIK 2025; revisi";').replace(';2024-09-30;', ';15 Oktober 2024;');
    writeFileSync(path('ceklis-ubah.csv'), lines.join('\r\n'));
    const run = await cli(t.db, ['checklist', 'import', '--workspace', WS, '--file', path('ceklis-ubah.csv')]);
    expect(run).toEqual({ code: 0, stderr: '', stdout: 'Ceklis diimpor untuk demo-kaltim 2024: 0 baru, 1 berubah, 73 sama.' });
    expect(await t.db.checklistItem.findFirst({ where: { title: 'RKA TIK 2025; revisi', dueDate: '2024-10-15' } })).not.toBeNull();
  });

  it('refuses a file with bad rows, listing each row number, and changes nothing', async () => {
    const before = await counts();
    const first = (await items2024())[0]!;
    writeFileSync(path('salah.csv'), [
      'id;opd;judul;tenggat;penanggung_jawab',
      `${first.id};${first.opd.code};Judul yang tidak boleh tersimpan;;`,
      ';dinsos;Butir OPD tak dikenal;;',
      ';bappeda;Tanggal salah;31-02-2024;',
      ';bappeda;Orang lain;;@orang_lain',
    ].join('\n'));
    for (const extra of [[], ['--dry-run']]) {
      const run = await cli(t.db, ['checklist', 'import', '--workspace', WS, '--file', path('salah.csv'), ...extra]);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr.split('\n')).toEqual([
        'Galat: Impor dibatalkan, tidak ada yang disimpan (3 kesalahan):',
        'Baris 3: OPD "dinsos" tidak dikenal di workspace ini.',
        'Baris 4: tenggat "31-02-2024" bukan tanggal yang sah (mis. 29-10-2024, 2024-10-29 atau 29 Oktober 2024).',
        'Baris 5: penanggung jawab "@orang_lain" bukan anggota workspace ini (tulis @username atau id Telegram).',
      ]);
    }
    expect(await counts()).toEqual(before);
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: first.id } })).title).toBe(first.title);
  });

  it("refuses an id of another workspace's item before writing anything", async () => {
    const foreign = await t.db.checklistItem.findFirstOrThrow({ where: { workspace: { slug: 'kab-baru' } } });
    const mine = (await items2024())[0]!;
    writeFileSync(path('asing.csv'), `id,opd,judul\n${mine.id},${mine.opd.code},Diubah\n${foreign.id},bappeda,Punya orang\n,bappeda,Baru\n`);
    const before = await counts();
    const run = await cli(t.db, ['checklist', 'import', '--workspace', WS, '--file', path('asing.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Baris 3: butir ceklis id ${foreign.id} tidak ada di workspace ini; kosongkan id untuk butir baru.`);
    expect(await counts()).toEqual(before);
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: mine.id } })).title).toBe(mine.title);
    expect((await t.db.checklistItem.findUniqueOrThrow({ where: { id: foreign.id } })).title).toBe(foreign.title);
  });

  it.each([
    [['checklist', 'export', '--workspace', WS, '--file', 'ceklis.pdf'], 1, /jenis berkas "ceklis.pdf" tidak didukung/],
    [['checklist', 'import', '--workspace', WS, '--file', 'tidak-ada.csv'], 1, /berkas "tidak-ada.csv" tidak dapat dibaca/],
    [['checklist', 'import', '--workspace', WS], 2, /opsi wajib tidak ada: --file/],
    [['checklist', 'hapus'], 2, /perintah checklist "hapus" tidak dikenal/],
    [['checklist', 'toString'], 2, /perintah checklist "toString" tidak dikenal/],
  ])('%j is refused', async (argv, code, message) => {
    const run = await cli(t.db, argv);
    expect(run).toMatchObject({ code, stdout: '' });
    expect(run.stderr).toMatch(message);
  });
});

describe('checklist carry-over', () => {
  it("copies last year's open items once, as belum with carriedFromId", async () => {
    const framework = await t.db.framework.findUniqueOrThrow({ where: { code: 'spbe-2020' } });
    const old = await t.db.evaluation.create({ data: { workspaceId, frameworkId: framework.id, year: 2023 } });
    const opd = await t.db.opd.findFirstOrThrow({ where: { workspaceId, code: 'bkd' } });
    const indicator = await t.db.indicator.findFirstOrThrow({ where: { frameworkId: framework.id, no: 36 } });
    const base = { workspaceId, evaluationId: old.id, opdId: opd.id, indicatorId: indicator.id, stage: 'dokumen', dueDate: '2023-09-30' };
    const open = await t.db.checklistItem.create({ data: { ...base, title: 'SIMPEG terintegrasi', level: 4, status: 'revisi', assigneeId: budiId, revisionReason: 'kurang' } });
    const started = await t.db.checklistItem.create({ data: { ...base, title: 'Tangkapan layar SIASN', status: 'proses' } });
    await t.db.checklistItem.create({ data: { ...base, title: 'Sudah selesai', status: 'selesai' } });
    await t.db.checklistItem.create({ data: { ...base, title: 'Dibatalkan', status: 'dibatalkan' } });
    // last year's generated item, still open, is already there as this year's generated one
    await t.db.checklistItem.create({ data: { ...base, title: 'Bukti dukung indikator 36: Layanan Kepegawaian', status: 'belum' } });

    const run = await cli(t.db, ['checklist', 'carry-over', '--workspace', WS, '--from', '2023']);
    expect(run).toMatchObject({ code: 0, stdout: '2 butir terbuka dari 2023 dibawa ke demo-kaltim 2024 sebagai "belum"; 1 sudah ada di 2024.' });
    const carried = await t.db.checklistItem.findMany({ where: { evaluationId, carriedFromId: { not: null } }, orderBy: { carriedFromId: 'asc' } });
    expect(carried.map((i) => [i.carriedFromId, i.title, i.status, i.dueDate, i.indicatorId, i.level, i.assigneeId, i.revisionReason])).toEqual([
      [open.id, 'SIMPEG terintegrasi', 'belum', null, indicator.id, 4, budiId, null],
      [started.id, 'Tangkapan layar SIASN', 'belum', null, indicator.id, null, null, null],
    ]);

    const again = await cli(t.db, ['checklist', 'carry-over', '--workspace', WS, '--from', '2023', '--year', '2024']);
    expect(again.stdout).toBe('0 butir terbuka dari 2023 dibawa ke demo-kaltim 2024 sebagai "belum"; 2 sudah dibawa sebelumnya, 1 sudah ada di 2024.');
    expect(await t.db.checklistItem.count({ where: { evaluationId, carriedFromId: { not: null } } })).toBe(2);
    expect(await t.db.auditEntry.count({ where: { action: 'checklist.carry-over' } })).toBe(1);
  });

  it.each([
    ['2022', /Tidak ada evaluasi tahun 2022/],
    ['2024', /tahun asal dan tujuan sama \(2024\)/],
    ['20x', /tahun "20x" tidak sah/],
  ])('refuses --from %s', async (from, message) => {
    const before = await counts();
    const run = await cli(t.db, ['checklist', 'carry-over', '--workspace', WS, '--from', from]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(await counts()).toEqual(before);
  });
});

describe('owners: the editable indicator→OPD map', () => {
  it('sets an indicator\'s OPDs, shows them in the list, and refuses unknown OPDs or indicators', async () => {
    const { cli: run } = await import('../support/cli.ts');
    const { createTestDb } = await import('../support/db.ts');
    const { seedDemoWorkspace } = await import('../../src/db/demo.ts');
    const t2 = createTestDb();
    await seedDemoWorkspace(t2.db);
    const set = await run(t2.db, ['owners', 'set', '--workspace', 'demo-kaltim', '--indicator', '12', '--opd', 'bappeda,bpkad']);
    expect(set).toMatchObject({ code: 0, stdout: 'Indikator 12 sekarang milik: bappeda, bpkad.' });
    expect((await run(t2.db, ['owners', 'list', '--workspace', 'demo-kaltim'])).stdout).toMatch(/12 +bappeda, bpkad/);
    const bad = await run(t2.db, ['owners', 'set', '--workspace', 'demo-kaltim', '--indicator', '12', '--opd', 'dinas-x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('OPD tidak dikenal: dinas-x');
    expect((await run(t2.db, ['owners', 'set', '--workspace', 'demo-kaltim', '--indicator', '48', '--opd', 'bappeda'])).stderr).toContain('indikator "48" tidak dikenal');
    expect(await t2.db.indicatorOwner.count()).toBe(2);
    await t2.close();
  });
});
