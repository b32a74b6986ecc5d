// Property: whatever a person sends, the table readers answer with a Table or a TableFileError
// (which the bot shows as "Berkas tidak dapat dibaca: …") — never another error, never a hang.
// Inputs are pseudo-random from a fixed seed, so a failure replays; loop counts keep it to seconds.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/domain/score-import.ts';
import { MAX_CSV_BYTES } from '../../src/files/table-limits.ts';
import { TableFileError, readCsv, readTableFile, readXlsx } from '../../src/files/tables.ts';
import { zipOf } from './table-bomb-files.ts';

/** mulberry32: a small seeded generator, enough to spread inputs evenly. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}

function isTable(value: unknown): value is Table {
  const table = value as Table;
  return Array.isArray(table?.header) && table.header.every((c) => typeof c === 'string') && Array.isArray(table.rows) &&
    table.rows.every((r) => Number.isInteger(r.rowNo) && r.rowNo >= 1 && r.cells.every((c) => typeof c === 'string'));
}

/** The outcome, or the unexpected error itself so the assertion shows it with its input. */
async function outcome(read: () => Table | Promise<Table>): Promise<'table' | 'refused' | unknown> {
  try {
    const table = await read();
    return isTable(table) ? 'table' : table;
  } catch (error) {
    return error instanceof TableFileError ? 'refused' : error;
  }
}

const CSV_PIECES = ['a', 'b', '1', '12', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', 'é', '–', '\uFEFF', '\u0000', '\uD800', 'indikator', 'tingkat'];

describe('the table readers only ever return a Table or throw a TableFileError', () => {
  it('readCsv on random text, and the same table whatever the slice size', async () => {
    const r = random(20_240_701);
    for (let i = 0; i < 1_500; i++) {
      const text = Array.from({ length: r.int(120) }, () => r.pick(CSV_PIECES)).join('');
      const whole = await outcome(() => readCsv(text));
      expect([text, whole]).toEqual([text, expect.stringMatching(/^(table|refused)$/)]);
      if (whole === 'table') expect(readCsv(text, 1 + r.int(16))).toEqual(readCsv(text));
    }
  });

  it('readXlsx on random bytes, with and without a zip signature', async () => {
    const r = random(7);
    for (let i = 0; i < 300; i++) {
      const body = r.bytes(r.int(400));
      const data = i % 2 ? Buffer.concat([Buffer.from('PK\x03\x04'), body, Buffer.from('PK\x05\x06'), r.bytes(18)]) : body;
      expect([i, await outcome(() => readXlsx(data))]).toEqual([i, 'refused']);
    }
  });

  it('readXlsx on a real workbook with bytes changed, cut or repeated', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nilai');
    sheet.addRow(['indikator', 'tingkat', 'catatan']);
    sheet.addRow([1, { formula: '2+2', result: 4 }, { richText: [{ text: 'SK ' }, { text: 'Tim', font: { bold: true } }] }]);
    sheet.mergeCells('D1:E2');
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    const r = random(42);
    for (let i = 0; i < 250; i++) {
      const data = Buffer.from(good);
      for (let k = 1 + r.int(8); k > 0; k--) data[r.int(data.length)] = r.int(256);
      const cut = i % 3 === 0 ? data.subarray(0, r.int(data.length)) : data;
      expect([i, await outcome(() => readXlsx(cut))]).toEqual([i, expect.stringMatching(/^(table|refused)$/)]);
    }
  });

  it('readXlsx on a workbook whose sheet XML is scrambled', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nilai');
    sheet.addRow(['indikator', 'tingkat']);
    sheet.addRow([1, 5]);
    sheet.getCell('C2').value = new Date(Date.UTC(2024, 0, 2));
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })));
    const sheetXml = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!.data.toString();
    const pieces = ['<', '>', '/>', '</c>', '<c r="B2">', '<c r="XFD9"><v>1</v></c>', '<c r="AY2"/>', '<row r="3">', '</row>', '<v>7</v>',
      '<mergeCell ref="A1:B2"/>', '<dataValidation sqref="A1:A9"/>', '<col min="1" max="3"/>', ' r="A0"', ' t="s"', ' t="e"', '&amp;', '&bad;', '"', "'"];
    const r = random(99);
    for (let i = 0; i < 250; i++) {
      let xml = sheetXml;
      for (let k = 1 + r.int(6); k > 0; k--) {
        const at = r.int(xml.length);
        xml = xml.slice(0, at) + r.pick(pieces) + xml.slice(at + r.int(4));
      }
      const data = zipOf(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.from(xml) } : p)));
      expect([xml, await outcome(() => readXlsx(data))]).toEqual([xml, expect.stringMatching(/^(table|refused)$/)]);
    }
  });

  it('readTableFile on random names and bytes, empty and over the limits', async () => {
    const r = random(5);
    const names = ['nilai.csv', 'NILAI.CSV', 'nilai.txt', 'nilai.xlsx', 'nilai.XLSX', 'nilai.pdf', 'nilai', '.xlsx', 'a.csv.xlsx'];
    const boms = [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];
    for (let i = 0; i < 300; i++) {
      const name = r.pick(names);
      const data = Buffer.concat([r.pick(boms), i % 2 ? r.bytes(r.int(300)) : Buffer.from(Array.from({ length: r.int(60) }, () => r.pick(CSV_PIECES)).join(''))]);
      expect([name, data.toString('hex'), await outcome(() => readTableFile(name, data))])
        .toEqual([name, data.toString('hex'), expect.stringMatching(/^(table|refused)$/)]);
    }
    for (const name of ['kosong.csv', 'kosong.xlsx']) expect(await outcome(() => readTableFile(name, Buffer.alloc(0)))).toMatch(/^(table|refused)$/);
    expect(await outcome(() => readCsv(''))).toBe('table');
    const huge = Buffer.alloc(MAX_CSV_BYTES + 1, 0x3b);
    for (const name of ['besar.csv', 'besar.xlsx']) expect(await outcome(() => readTableFile(name, huge))).toBe('refused');
  });
});
