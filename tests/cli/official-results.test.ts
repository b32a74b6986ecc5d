// The official domain results of Pemprov Kaltim 2024 and Kab. Paser 2023/2024 (KemenPANRB
// reports), reproduced through the CLI's import and `index --json` on a real database. The
// fixture levels are one set of indicator levels that yields exactly those published domain
// indices (the per-indicator levels themselves are not public).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../support/cli.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

let t: TestDb;
beforeAll(() => { t = createTestDb(); });
afterAll(() => t.close());

const cases = [
  { slug: 'kaltim', name: 'Pemprov Kaltim', tz: 'WITA', year: '2024', file: 'kaltim-2024-final.csv',
    index: 3.79, predicate: 'Sangat Baik', domains: [3.7, 3.5, 2.82, 4.32] },
  { slug: 'paser-2023', name: 'Kab. Paser', tz: 'WITA', year: '2023', file: 'paser-2023-final.csv',
    index: 2.9, predicate: 'Baik', domains: [3, 2.6, 2, 3.37] },
  { slug: 'paser', name: 'Kab. Paser', tz: 'Asia/Makassar', year: '2024', file: 'paser-2024-final.csv',
    index: 3.27, predicate: 'Baik', domains: [3.9, 3, 2.36, 3.56] },
];

describe.each(cases)('$name $year through import and index --json', (c) => {
  it(`gives ${c.index} ${c.predicate} with the official domain indices`, async () => {
    expect((await cli(t.db, ['workspace', 'create', '--slug', c.slug, '--name', c.name, '--tz', c.tz, '--year', c.year])).code).toBe(0);
    const imported = await cli(t.db, ['scores', 'import', '--workspace', c.slug, '--file', `tests/fixtures/${c.file}`]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('47 baru, 0 berubah, 0 sama');

    const run = await cli(t.db, ['index', '--workspace', c.slug, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ index: c.index, predicate: c.predicate, missing: [], stage: 'final', framework: 'spbe-2020' });
    expect(json.domains.map((d: { no: number; index: number }) => [d.no, d.index])).toEqual(c.domains.map((v, i) => [i + 1, v]));
    expect(json.domains[0].name).toBe('Kebijakan Internal SPBE');
  });
});

describe('importing an .xlsx file', () => {
  it('reads real XLSX written by exceljs, number cells included, and gives the same index', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nilai');
    sheet.addRow(['Indikator', 'Tingkat', 'Catatan']);
    const csv = readFileSync(join(REPO_ROOT, 'tests/fixtures/kaltim-2024-final.csv'), 'utf8').trim().split('\n').slice(1);
    for (const line of csv) {
      const [no, level] = line.split(',').map(Number);
      sheet.addRow([no, level, no === 42 ? 'dibahas saat interviu' : null]);
    }
    const file = join(t.dir, 'nilai.xlsx');
    await workbook.xlsx.writeFile(file);

    expect((await cli(t.db, ['workspace', 'create', '--slug', 'kaltim-xlsx', '--name', 'Pemprov Kaltim', '--tz', 'WITA', '--year', '2024'])).code).toBe(0);
    const imported = await cli(t.db, ['scores', 'import', '--workspace', 'kaltim-xlsx', '--file', file, '--stage', 'Dokumen']);
    expect(imported.code).toBe(0);
    const json = JSON.parse((await cli(t.db, ['index', '--workspace', 'kaltim-xlsx', '--json'])).stdout);
    expect(json).toMatchObject({ index: 3.79, stage: 'dokumen' });
    const note = await t.db.score.findFirst({ where: { indicator: { no: 42 }, evaluation: { workspace: { slug: 'kaltim-xlsx' } } } });
    expect(note).toMatchObject({ stage: 'dokumen', note: 'dibahas saat interviu' });
  });
});
