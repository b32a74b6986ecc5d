import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChecklistImportContext, ChecklistSheetRow } from '../../src/domain/checklist-import.ts';
import { CHECKLIST_COLUMNS, CHECKLIST_INFO_COLUMNS, checkChecklistTable } from '../../src/domain/checklist-import.ts';
import { ITEM_STATUSES } from '../../src/domain/checklists.ts';
import type { ChecklistWorkbookMeta } from '../../src/files/checklist-workbook.ts';
import { writeChecklistCsv, writeChecklistXlsx } from '../../src/files/checklist-workbook.ts';
import { readTableFile } from '../../src/files/tables.ts';

const META: ChecklistWorkbookMeta = {
  workspaceName: 'Pemprov Kaltim', year: 2024, frameworkName: 'Indeks SPBE', timeZone: 'Asia/Makassar',
  exportedAt: new Date('2024-11-23T03:00:00Z'),
};
const UPDATED = new Date('2024-11-20T01:30:00Z');

const ROWS: ChecklistSheetRow[] = [
  {
    id: 1, opd: 'bappeda', indicatorNo: 12, stage: 'dokumen', level: 3, title: 'SK Peta Rencana; versi "final"',
    description: 'Baris satu\nbaris dua — é', dueDate: '2024-10-29', assignee: '@budi', status: 'proses',
    indicatorName: 'Tingkat Kematangan Peta Rencana SPBE', updatedAt: UPDATED,
  },
  {
    id: 2, opd: 'diskominfo', indicatorNo: null, stage: null, level: null, title: '=HYPERLINK("x")',
    description: null, dueDate: '2024-01-01', assignee: '900001', status: 'belum', indicatorName: null, updatedAt: UPDATED,
  },
  {
    id: 3, opd: 'biro-hukum', indicatorNo: 44, stage: 'final', level: null, title: '  spasi di tepi dibuang  '.trim(),
    description: '-', dueDate: null, assignee: null, status: 'revisi', indicatorName: 'JDIH', updatedAt: UPDATED,
  },
  {
    id: 4, opd: 'bappeda', indicatorNo: 13, stage: 'mandiri', level: 5, title: 'Akhir tahun', description: null,
    dueDate: '2024-12-31', assignee: null, status: 'selesai', indicatorName: 'x', updatedAt: UPDATED,
  },
];

const CONTEXT: ChecklistImportContext = {
  opdCodes: new Set(['bappeda', 'diskominfo', 'biro-hukum']),
  indicatorNos: Array.from({ length: 47 }, (_, i) => i + 1),
  assignees: new Map([['budi', 11], ['900001', 12]]),
  statuses: ITEM_STATUSES,
};

/** What an import of the exported file would write, compared with what was exported. */
async function reimport(name: string, data: Buffer) {
  const check = checkChecklistTable(await readTableFile(name, data), CONTEXT);
  if (!check.ok) throw new Error(check.errors.join('\n'));
  return check.rows.map(({ rowNo: _rowNo, ...row }) => row);
}

const expected = ROWS.map((r) => ({
  id: r.id, opdCode: r.opd, indicatorNo: r.indicatorNo, stage: r.stage, level: r.level, title: r.title,
  description: r.description, dueDate: r.dueDate, assigneeId: r.assignee === null ? null : CONTEXT.assignees.get(r.assignee.replace('@', '')),
  status: r.status,
}));

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('writeChecklistXlsx', () => {
  it('writes a typed, filtered sheet with a frozen bold header, and a sheet of instructions', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await writeChecklistXlsx(ROWS, META) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ceklis', 'Petunjuk']);
    const sheet = workbook.getWorksheet('Ceklis')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...CHECKLIST_COLUMNS, ...CHECKLIST_INFO_COLUMNS]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(6).width).toBeGreaterThan(40);

    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(3).value).toBe(12);
    expect(row.getCell(5).value).toBe(3);
    expect(row.getCell(8).value).toEqual(new Date('2024-10-29T00:00:00Z'));
    expect(row.getCell(8).numFmt).toBe('dd-mm-yyyy');
    expect(row.getCell(12).value).toBe('20 November 2024 09.30 WITA');
    expect(row.getCell(10).dataValidation).toMatchObject({ type: 'list' });

    const help = workbook.getWorksheet('Petunjuk')!;
    const text = help.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('Ceklis Pemprov Kaltim 2024 — Indeks SPBE');
    for (const column of [...CHECKLIST_COLUMNS, ...CHECKLIST_INFO_COLUMNS]) expect(text).toContain(column);
  });

  it('re-imports unchanged through readTableFile, dates from real date cells included', async () => {
    const data = await writeChecklistXlsx(ROWS, META);
    const table = await readTableFile('ceklis.xlsx', data);
    expect(table.rows.map((r) => r.cells[7])).toEqual(['2024-10-29', '2024-01-01', '', '2024-12-31']);
    expect(await reimport('ceklis.xlsx', data)).toEqual(expected);
  });

  it.each(['America/Los_Angeles', 'Asia/Jayapura', 'Pacific/Kiritimati'])('keeps due dates when the process runs in %s', async (tz) => {
    process.env.TZ = tz;
    expect(await reimport('ceklis.xlsx', await writeChecklistXlsx(ROWS, META))).toEqual(expected);
  });

  it('an empty checklist is a header only, without the spare rows of the drop-down lists', async () => {
    const table = await readTableFile('kosong.xlsx', await writeChecklistXlsx([], META));
    expect(table).toEqual({ header: [...CHECKLIST_COLUMNS, ...CHECKLIST_INFO_COLUMNS], rows: [] });
  });
});

describe('writeChecklistCsv', () => {
  it('writes UTF-8 with a byte-order mark, ";" between cells and quotes where needed', () => {
    const csv = writeChecklistCsv(ROWS, 'Asia/Makassar');
    expect(csv.startsWith('\uFEFFid;opd;indikator;tahap;tingkat;judul;deskripsi;tenggat;penanggung_jawab;status;indikator_nama;diperbarui\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('1;bappeda;12;dokumen;3;"SK Peta Rencana; versi ""final""";"Baris satu\nbaris dua — é";2024-10-29;\'@budi;proses;Tingkat Kematangan Peta Rencana SPBE;20 November 2024 09.30 WITA');
    expect(lines[2]).toBe('2;diskominfo;;;;"\'=HYPERLINK(""x"")";;2024-01-01;900001;belum;;20 November 2024 09.30 WITA');
    expect(lines[3]).toMatch(/^3;biro-hukum;44;final;;spasi di tepi dibuang;'-;;;revisi;/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('re-imports unchanged through readTableFile', async () => {
    const data = Buffer.from(writeChecklistCsv(ROWS), 'utf8');
    expect(await reimport('ceklis.csv', data)).toEqual(expected);
  });
});
