// `report` from the admin CLI on a real database: Kab. Paser 2024 imported from the fixture levels
// (3,27 Baik), its history 2018–2023 imported, then the files written and opened again.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { pdfText } from '../support/pdf-text.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = createTestDb();
  expect((await cli(t.db, ['workspace', 'create', '--slug', 'paser', '--name', 'Pemerintah Kabupaten Paser', '--tz', 'WITA', '--year', '2024', '--target', '3,5'])).code).toBe(0);
  expect((await cli(t.db, ['scores', 'import', '--workspace', 'paser', '--file', 'tests/fixtures/paser-2024-final.csv'])).code).toBe(0);
  const history = await cli(t.db, ['history', 'import', '--workspace', 'paser', '--file', 'tests/fixtures/paser-history.csv']);
  expect(history.stderr).toBe('');
});
afterAll(() => t.close());

const outDir = () => mkdtempSync(join(t.dir, 'out-'));


describe('report', () => {
  it('writes the workbook and the PDF summary by default, and says where', async () => {
    const dir = outDir();
    const run = await cli(t.db, ['report', '--workspace', 'paser', '--out', dir]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const xlsx = join(dir, 'laporan-spbe-2024-paser.xlsx');
    const pdf = join(dir, 'laporan-spbe-2024-paser.pdf');
    expect(run.stdout).toContain(xlsx);
    expect(run.stdout).toContain(pdf);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const trend = workbook.getWorksheet('Tren Tahunan')!;
    const years = [];
    for (let r = 3; r <= trend.rowCount; r++) years.push([trend.getCell(r, 1).value, trend.getCell(r, 2).value]);
    expect(years).toEqual([[2018, 1.85], [2019, 1.69], [2020, 1.69], [2021, 1.36], [2022, 2.13], [2023, 2.9], [2024, 3.27]]);

    const { pages, text } = await pdfText(readFileSync(pdf));
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('3,27');
    expect(text).toContain('Pemerintah Kabupaten Paser');
  });

  it('writes only the format asked for, and the chart PNGs with --charts', async () => {
    const dir = outDir();
    expect((await cli(t.db, ['report', '--workspace', 'paser', '--format', 'PDF', '--charts', '--out', dir])).code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      'laporan-spbe-2024-paser-domains.png', 'laporan-spbe-2024-paser-opds.png', 'laporan-spbe-2024-paser-stages.png',
      'laporan-spbe-2024-paser-trend.png', 'laporan-spbe-2024-paser.pdf',
    ]);
    for (const png of files.filter((f) => f.endsWith('.png'))) {
      expect(readFileSync(join(dir, png)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('refuses a wrong format, an unknown workspace or year, and writes nothing', async () => {
    const dir = outDir();
    const bad = await cli(t.db, ['report', '--workspace', 'paser', '--format', 'docx', '--out', dir]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('format "docx" tidak dikenal; pilihan: xlsx, pdf.');
    const unknown = await cli(t.db, ['report', '--workspace', 'tidak-ada', '--out', dir]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('workspace "tidak-ada" tidak ditemukan');
    const year = await cli(t.db, ['report', '--workspace', 'paser', '--year', '2019', '--out', dir]);
    expect(year.code).not.toBe(0);
    expect(year.stderr).toContain('Tidak ada evaluasi tahun 2019.');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'laporan-spbe-2024-paser.xlsx'))).toBe(false);
  });
});
