// A pemda records its own 2026 assessor results: 20 decimal Pemdi values from a real XLSX file
// through `scores import`, the index computed by hand beside it, and the other agencies' index
// values from the indeks_lain column.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedFramework } from '../support/frameworks.ts';
import { cli } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const pemdi = shippedFramework('pemdi-2026');
// Values as assessors write them (1,26, 1,17, 1,25 were seen in 2026), one per indicator.
const VALUES = ['1,26', '1,17', '1,25', '2,00', '1,00', '1,00', '1,00', '1,50', '2,51', '3,50',
  '1,75', '2,25', '3,10', '2,90', '1,33', '4,00', '4,01', '1,00', '2,60', '1,88'];

let t: TestDb;
const file = (name: string) => join(t.dir, name);

async function writeXlsx(path: string, header: string[], rows: (string | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nilai');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

beforeAll(async () => {
  t = createTestDb();
  await cli(t.db, ['workspace', 'create', '--slug', 'aceh', '--name', 'Kab. Aceh Tengah', '--tz', 'WIB', '--year', '2026', '--target', '2,5']);
});
afterAll(() => t.close());

describe('scores import of Pemdi decimal values', () => {
  it('imports 20 decimal values from an XLSX and gives the index computed by hand', async () => {
    await writeXlsx(file('nilai-2026.xlsx'), ['indikator', 'nilai', 'catatan'], VALUES.map((v, i) => [i + 1, v, `asesor ${i + 1}`]));
    const run = await cli(t.db, ['scores', 'import', '--workspace', 'aceh', '--file', file('nilai-2026.xlsx'), '--stage', 'dokumen']);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('20 baru, 0 berubah, 0 sama');

    // By hand: Σ value × weight (in percent) / 100, exact in hundredths of a hundredth.
    const byHand = VALUES.reduce((sum, v, i) => sum + Number(v.replace(',', '')) * (pemdi.indicators[i]!.weight / 100), 0);
    const index = await cli(t.db, ['index', '--workspace', 'aceh', '--json']);
    const json = JSON.parse(index.stdout);
    expect(json.index).toBe(Math.round(byHand / 100) / 100);
    expect(json.stage).toBe('dokumen');
    expect(byHand).toBe(20_825); // 2,0825 → 2,08, Cukup (checked with exact fractions elsewhere)
    expect(json).toMatchObject({ index: 2.08, predicate: 'Cukup', framework: 'pemdi-2026', domains: [] });
    expect(json.externalWaiting.map((w: { code: string }) => w.code)).toEqual(['SDI', 'SJIG', 'EPSS', 'IKASANDI']);
    const stored = await t.db.score.findMany({ where: { stage: 'dokumen' }, orderBy: { indicatorId: 'asc' }, select: { value: true } });
    expect(stored.map((s) => s.value)).toEqual(VALUES.map((v) => Number(v.replace(',', ''))));
  });

  it('takes another agency\'s value from the indeks_lain column, keeping both', async () => {
    await writeXlsx(file('sdi.xlsx'), ['indikator', 'nilai', 'indeks_lain'], [[5, '', '58,3'], [7, '', 4.25]]);
    const run = await cli(t.db, ['scores', 'import', '--workspace', 'aceh', '--file', file('sdi.xlsx'), '--stage', 'dokumen']);
    expect(run.stdout).toContain('0 baru, 2 berubah, 0 sama; 2 nilai indeks instansi lain');
    const external = await t.db.externalValue.findMany({ orderBy: { indicatorId: 'asc' } });
    expect(external.map((e) => [e.source, e.rawValue, e.derivedValue])).toEqual([['SDI', 5_830, 300], ['EPSS', 425, 500]]);
    const table = await cli(t.db, ['index', '--workspace', 'aceh']);
    expect(table.stdout).toContain('Indeks instansi lain: menunggu nilai SJIG dari BIG (indikator 6); menunggu nilai IKASANDI dari BSSN (indikator 10, 11, 12, rujukan).');
  });

  it('refuses a file with a value out of range or a third decimal, naming the rows, and writes nothing', async () => {
    await writeXlsx(file('salah.xlsx'), ['indikator', 'nilai'], [[1, '0,9'], [2, '5,01'], [3, '1,265'], [4, '2']]);
    const before = await t.db.scoreChange.count();
    const run = await cli(t.db, ['scores', 'import', '--workspace', 'aceh', '--file', file('salah.xlsx'), '--stage', 'dokumen']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Baris 2: Nilai "0,9" tidak sah');
    expect(run.stderr).toContain('Baris 3: Nilai "5,01" tidak sah');
    expect(run.stderr).toContain('Baris 4: Nilai "1,265" tidak sah');
    expect(run.stderr).not.toContain('Baris 5');
    expect(await t.db.scoreChange.count()).toBe(before);
  });

  it('lists the history of a value with its decimals', async () => {
    const run = await cli(t.db, ['scores', 'history', '--workspace', 'aceh', '--indicator', '5']);
    expect(run.stdout).toMatch(/dokumen +5 +– +1,00/);
    expect(run.stdout).toMatch(/dokumen +5 +1,00 +3,00/);
  });
});
