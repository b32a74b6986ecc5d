// The report workbook is read back with exceljs, as a spreadsheet program would: its sheets, the
// frozen header rows, and cells that are numbers and dates rather than text, with the figures the
// ministry published for Kabupaten Paser 2024 (3,27 Baik; domains 3,90 / 3,00 / 2,36 / 3,56).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report.ts';
import type { ReportInput } from '../../src/domain/report.ts';
import { buildReportXlsx } from '../../src/files/report-workbook.ts';
import { shippedFramework } from '../support/frameworks.ts';
import { paserReportInput } from '../support/report-fixture.ts';

async function open(input: ReportInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await buildReportXlsx(buildReport(input)) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The data rows under the header (row 2) as arrays of cell values, column 1 first. */
function rows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1).value));
  }
  return out;
}

function header(ws: ExcelJS.Worksheet): string[] {
  const row = ws.getRow(2);
  return Array.from({ length: ws.columnCount }, (_, c) => String(row.getCell(c + 1).value ?? ''));
}

const round2 = (n: unknown) => Math.round(Number(n) * 100) / 100;
const resultOf = (v: ExcelJS.CellValue) => (typeof v === 'object' && v !== null && 'result' in v ? v.result : v);

describe('report workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await open(paserReportInput());
  });

  it('has one sheet per view, each with a title, a bold header row frozen under it and widths', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Indeks per Tahap', 'Indikator', 'Progres OPD', 'Ceklis', 'Riwayat Nilai', 'Tren Tahunan']);
    for (const ws of wb.worksheets) {
      expect(String(ws.getCell(1, 1).value)).toContain('Pemerintah Kabupaten Paser');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(ws.getRow(2).font?.bold).toBe(true);
      expect(ws.getColumn(1).width).toBeGreaterThan(5);
    }
  });

  it('shows the index per stage as numbers, with the predicate and the published domain figures', () => {
    const ws = sheet(wb, 'Indeks per Tahap');
    expect(header(ws)).toEqual(['Tingkat', 'No', 'Nama', 'Bobot (%)', 'Penilaian Mandiri', 'Penilaian Dokumen', 'Hasil Akhir']);
    const data = rows(ws);
    const [index, predicate] = data;
    expect(index![0]).toBe('Indeks');
    expect(typeof index![6]).toBe('number');
    // the exact total, 3,2670, shown as 3,27
    expect(index![6]).toBe(3.267);
    expect(ws.getCell(3, 7).numFmt).toBe('0.00');
    // the self-assessment's 4,27 is already Memuaskan (≥ 4,20)
    expect(predicate!.slice(4)).toEqual(['Memuaskan', 'Baik', 'Baik']);
    const domains = data.filter((r) => r[0] === 'Domain');
    expect(domains.map((d) => round2(d[6]))).toEqual([3.9, 3, 2.36, 3.56]);
    expect(domains.map((d) => d[3])).toEqual([13, 25, 16.5, 45.5]);
    expect(data.filter((r) => r[0] === 'Aspek')).toHaveLength(8);
    expect(data.at(-1)!.slice(0, 1).concat(data.at(-1)!.slice(4))).toEqual(['Target', 3.5, 3.5, 3.5]);
  });

  it('lists every indicator with its level per stage, weight, contribution that adds up to the index, and the gain of one more level', () => {
    const ws = sheet(wb, 'Indikator');
    const head = header(ws);
    expect(head.slice(0, 8)).toEqual(['No', 'Indikator', 'Domain', 'Aspek', 'Bobot (%)', 'Penilaian Mandiri', 'Penilaian Dokumen', 'Hasil Akhir']);
    const data = rows(ws);
    expect(data).toHaveLength(48);
    const col = (name: string) => head.indexOf(name);
    const contribution = col('Kontribusi ke indeks');
    const gain = col('Tambahan indeks bila naik 1 tingkat');
    const first = data[0]!;
    expect(first[0]).toBe(1);
    expect(typeof first[4]).toBe('number');
    const level = first[col('Tingkat (Hasil Akhir)')] as number;
    expect(resultOf(first[contribution]!)).toBeCloseTo((level * (first[4] as number)) / 100, 10);
    expect((first[contribution] as { formula: string }).formula).toMatch(/^[A-Z]+3\*E3\/100$/);
    const sum = data.slice(0, 47).reduce((s, r) => s + Number(resultOf(r[contribution]!)), 0);
    expect(round2(sum)).toBe(3.27);
    const total = data[47]!;
    expect(total[1]).toBe('Jumlah (= indeks)');
    expect(round2(resultOf(total[contribution]!))).toBe(3.27);
    expect(round2(resultOf(total[4]!))).toBe(100);
    // a level-5 indicator has no next level and adds nothing more
    const top = data.slice(0, 47).find((r) => r[col('Tingkat (Hasil Akhir)')] === 5);
    if (top) {
      expect(top[col('Tingkat berikutnya')]).toBeNull();
      expect(top[gain]).toBe(0);
    }
    const low = data.slice(0, 47).find((r) => (r[col('Tingkat (Hasil Akhir)')] as number) < 5)!;
    expect(low[col('Tingkat berikutnya')]).toBe((low[col('Tingkat (Hasil Akhir)')] as number) + 1);
    expect(low[gain]).toBeCloseTo((low[4] as number) / 100, 10);
    expect(data.find((r) => r[0] === 21)![col('OPD penanggung jawab')]).toBe('diskominfo, bappeda');
  });

  it('gives OPD progress as counts and a fraction, the most overdue first', () => {
    const data = rows(sheet(wb, 'Progres OPD'));
    expect(data).toHaveLength(12);
    const overdue = data.map((r) => r[6] as number);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    expect(overdue[0]).toBeGreaterThan(0);
    for (const r of data) {
      expect(r[3] as number).toBeLessThanOrEqual(r[2] as number);
      if ((r[2] as number) > 0) expect(r[7]).toBeCloseTo((r[3] as number) / (r[2] as number), 10);
    }
  });

  it('lists checklist items with status words, due dates as date cells and the overdue mark', () => {
    const ws = sheet(wb, 'Ceklis');
    const data = rows(ws);
    expect(data).toHaveLength(72);
    const due = data[0]![9];
    expect(due).toBeInstanceOf(Date);
    expect(ws.getCell(3, 10).numFmt).toBe('dd-mm-yyyy');
    const late = data.filter((r) => r[10] === 'Ya');
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) {
      expect(['Belum', 'Proses', 'Diajukan', 'Revisi']).toContain(r[7]);
      expect((r[9] as Date).toISOString().slice(0, 10) < '2024-10-15').toBe(true);
    }
    expect(data.filter((r) => r[7] === 'Selesai').every((r) => r[10] === null)).toBe(true);
  });

  it('keeps the audit trail of score changes at the local time of the workspace', () => {
    const data = rows(sheet(wb, 'Riwayat Nilai'));
    expect(data).toHaveLength(3);
    // 02.00 UTC is 10.00 WITA
    expect((data[0]![0] as Date).toISOString()).toBe('2024-08-01T10:00:00.000Z');
    expect(data[0]!.slice(1, 7)).toEqual([1, 'Penilaian Mandiri', null, 5, 'penilaian mandiri', 'Rina']);
    expect(data[2]!.slice(1, 5)).toEqual([12, 'Hasil Akhir', 3, 4]);
    expect(data[1]![6]).toBe('admin (CLI/impor)');
  });

  it('puts the past years and this year in the trend sheet, with domain figures where known', () => {
    const ws = sheet(wb, 'Tren Tahunan');
    expect(header(ws)).toEqual(['Tahun', 'Indeks', 'Predikat', 'Domain 1', 'Domain 2', 'Domain 3', 'Domain 4', 'Kerangka', 'Keterangan']);
    const data = rows(ws);
    expect(data.map((r) => r[0])).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(data.map((r) => r[1])).toEqual([1.85, 1.69, 1.69, 1.36, 2.13, 2.9, 3.267]);
    expect(data[5]!.slice(3, 7)).toEqual([3, 2.6, 2, 3.37]);
    expect(data[0]![3]).toBeNull();
    expect(data[6]![8]).toBe('tahun ini');
  });
});

describe('report workbook edge cases', () => {
  it('works before any score is recorded', async () => {
    const wb = await open({ ...paserReportInput(), recorded: new Map() });
    const data = rows(sheet(wb, 'Indeks per Tahap'));
    expect(data.some((r) => r[0] === 'Belum ada nilai yang dicatat.')).toBe(true);
    expect(header(sheet(wb, 'Indikator'))).toContain('Tingkat (belum dinilai)');
  });

  it('marks a trend point that is not final as provisional', async () => {
    const input = paserReportInput();
    const recorded = new Map(input.recorded);
    recorded.delete('final');
    const data = rows(sheet(await open({ ...input, recorded }), 'Tren Tahunan'));
    expect(data.at(-1)![8]).toBe('sementara (Penilaian Dokumen)');
  });

  it('handles Pemdi, which has aspects but no domains', async () => {
    const pemdi = shippedFramework('pemdi-2026');
    const levels = new Map(pemdi.indicators.map((i) => [i.no, 300]));
    const wb = await open({ ...paserReportInput({ history: false }), framework: pemdi, year: 2026, recorded: new Map([['final', levels]]), items: [], scoreChanges: [] });
    const data = rows(sheet(wb, 'Indeks per Tahap'));
    expect(data[0]![4]).toBe(3);
    expect(data.filter((r) => r[0] === 'Domain')).toHaveLength(0);
    expect(data.filter((r) => r[0] === 'Aspek')).toHaveLength(pemdi.aspects.length);
    expect(rows(sheet(wb, 'Indikator'))).toHaveLength(pemdi.indicators.length + 1);
  });

  it('writes Pemdi decimal values as numbers with two decimals, and the next whole value', async () => {
    const pemdi = shippedFramework('pemdi-2026');
    const values = new Map(pemdi.indicators.map((i) => [i.no, i.no === 3 ? 126 : 300]));
    const wb = await open({ ...paserReportInput({ history: false }), framework: pemdi, year: 2026, recorded: new Map([['dokumen', values]]), items: [], scoreChanges: [] });
    const ws = sheet(wb, 'Indikator');
    const head = header(ws);
    const row = ws.getRow(2 + 3);
    const at = (name: string) => row.getCell(head.indexOf(name) + 1);
    expect(at('Penilaian Dokumen').value).toBe(1.26);
    expect(at('Penilaian Dokumen').numFmt).toBe('0.00');
    expect(at('Nilai (Penilaian Dokumen)').value).toBe(1.26);
    expect(at('Nilai bila naik 1 tingkat').value).toBe(2);
    // (2,00 − 1,26) × 5 % = 0,037
    expect(resultOf(at('Tambahan indeks bila naik 1 tingkat').value)).toBe(0.037);
  });
});
