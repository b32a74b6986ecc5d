// Files that would stop the bot if the table readers trusted them, and legitimate large ones, for
// tests/files/*-bombs.test.ts and tests/bench/table-bombs.bench.ts. Real workbooks come from
// exceljs; where a bomb needs a part exceljs would never write (or a lying size), the zip is
// assembled here from exceljs's own parts.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ChecklistSheetRow } from '../../src/domain/checklist-import.ts';
import { writeChecklistCsv, writeChecklistXlsx } from '../../src/files/checklist-workbook.ts';
import { columnLetters } from '../../src/files/table-errors.ts';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** the uncompressed size written in the zip headers, when it should lie */
  declaredSize?: number;
  /** `data` already deflated, with its true size and CRC (for parts too large to hold unpacked) */
  packed?: { size: number; crc: number };
}

/** A zip (DEFLATE, no data descriptors) with exactly these parts and headers. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = part.packed ? part.data : deflateRawSync(part.data);
    const crc = part.packed ? part.packed.crc : crc32(part.data);
    const size = part.declaredSize ?? part.packed?.size ?? part.data.length;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, name, packed);
    central.push(entry, name);
    offset += header.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** The parts exceljs writes for a one-sheet workbook with a header row. */
async function baseParts(): Promise<ZipPart[]> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Nilai').addRow(['indikator', 'tingkat']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const files = Object.values(zip.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })));
}

/** exceljs's workbook with some parts replaced or added. */
export async function xlsxWith(replace: Record<string, string | Buffer | ZipPart>, extra: ZipPart[] = []): Promise<Buffer> {
  const parts = (await baseParts()).map((part) => {
    const by = replace[part.name];
    if (by === undefined) return part;
    return typeof by === 'string' || Buffer.isBuffer(by) ? { name: part.name, data: Buffer.from(by) } : by;
  });
  return zipOf([...parts, ...extra]);
}

const SHEET = 'xl/worksheets/sheet1.xml';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A first sheet whose sheetData is `rows`, followed by `after` (merges, validations…). */
export function sheetXml(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const repeat = (n: number, row: (r: number) => string) => Array.from({ length: n }, (_, i) => row(i + 1)).join('');

/** The finding's file: exceljs writes a value in column XFD on every row. */
export async function xfdWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nilai');
  for (let r = 1; r <= rows; r++) sheet.getCell(r, 16_384).value = 'x';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same bomb at a size exceljs would take minutes to write: a value in XFD on every row. */
export const xfdSheet = (rows: number) => xlsxWith({ [SHEET]: sheetXml(repeat(rows, (r) => `<row r="${r}">${text(`XFD${r}`, 'x')}</row>`)) });

/** The first sheet as `unpacked` bytes (its start, then spaces), declaring `declared` (default: true size). */
export async function hugePart(unpacked: number, declared?: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const first = Buffer.from(spaces);
  first.write(sheetXml('').slice(0, -'</worksheet>'.length));
  let crc = 0;
  for (let left = unpacked; left > 0; left -= spaces.length) {
    const block = left === unpacked ? first : spaces;
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return xlsxWith({ [SHEET]: { name: SHEET, data: Buffer.concat(chunks), declaredSize: declared, packed: { size: unpacked, crc } } });
}

export const manyRows = (rows: number, columns = 1) =>
  xlsxWith({ [SHEET]: sheetXml(repeat(rows, (r) => `<row r="${r}">${repeat(columns, (c) => `<c r="${columnLetters(c)}${r}"><v>${c}</v></c>`)}</row>`)) });

/** Row 2 holds a value in every column up to `columns`. */
export const wideRow = (columns: number) =>
  xlsxWith({ [SHEET]: sheetXml(`<row r="1">${text('A1', 'indikator')}</row><row r="2">${repeat(columns, (c) => `<c r="${columnLetters(c)}2"><v>${c}</v></c>`)}</row>`) });

/** Formatted empty cells only, `perRow` on each of `rows` rows. */
export const emptyCells = (rows: number, perRow: number) =>
  xlsxWith({ [SHEET]: sheetXml(repeat(rows, (r) => `<row r="${r}">${repeat(perRow, (c) => `<c r="${columnLetters(c)}${r}" s="0"/>`)}</row>`)) });

const header = `<row r="1">${text('A1', 'indikator')}${text('B1', 'tingkat')}</row>`;
export const mergedRanges = (refs: string[]) =>
  xlsxWith({ [SHEET]: sheetXml(header, `<mergeCells count="${refs.length}">${refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`) });
export const validation = (sqref: string) =>
  xlsxWith({ [SHEET]: sheetXml(header, `<dataValidations count="1"><dataValidation type="whole" sqref="${sqref}"><formula1>1</formula1></dataValidation></dataValidations>`) });
export const columnFormat = (max: number) => xlsxWith({ [SHEET]: sheetXml(header).replace('<sheetData>', `<cols><col min="1" max="${max}" width="9"/></cols><sheetData>`) });
export const conditionalFormats = (n: number) =>
  xlsxWith({ [SHEET]: sheetXml(header, repeat(n, (r) => `<conditionalFormatting sqref="A${r}"><cfRule type="expression" priority="${r}"><formula>1</formula></cfRule></conditionalFormatting>`)) });

export async function namedRange(range: string): Promise<Buffer> {
  const workbook = (await baseParts()).find((p) => p.name === 'xl/workbook.xml')!.data.toString();
  return xlsxWith({ 'xl/workbook.xml': workbook.replace('</workbook>', `<definedNames><definedName name="semua">Nilai!${range}</definedName></definedNames></workbook>`) });
}

export async function cellFormats(n: number): Promise<Buffer> {
  const styles = (await baseParts()).find((p) => p.name === 'xl/styles.xml')!.data.toString();
  return xlsxWith({ 'xl/styles.xml': styles.replace(/<cellXfs count="\d+">/, (m) => m + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(n)) });
}

export const manyParts = (n: number) => xlsxWith({}, Array.from({ length: n }, (_, i) => ({ name: `customXml/item${i}.xml`, data: Buffer.from('<a/>') })));

/** `rows` checklist rows as the bot exports them: 12 columns, realistic text lengths. */
export function checklistRows(rows: number): ChecklistSheetRow[] {
  return Array.from({ length: rows }, (_, i) => ({
    id: i + 1, opd: `opd-${i % 40}`, indicatorNo: (i % 47) + 1, stage: 'mandiri', level: (i % 5) + 1,
    title: `Dokumen bukti dukung ${i + 1}: SK Tim Koordinasi SPBE dan notulen rapat koordinasi triwulan`,
    description: `Unggah salinan SK yang ditandatangani kepala daerah beserta daftar hadir dan notulen rapat (${i}).`,
    dueDate: '2024-10-29', assignee: `@pic_${i % 300}`, status: 'belum', indicatorName: `Indikator ${(i % 47) + 1} tentang kebijakan internal SPBE`,
    updatedAt: new Date(Date.UTC(2024, 5, 1, 0, 0, i)),
  }));
}

export const checklistXlsx = (rows: number) =>
  writeChecklistXlsx(checklistRows(rows), { workspaceName: 'Kab. Paser', year: 2024, frameworkName: 'SPBE 2020', timeZone: 'Asia/Jakarta', exportedAt: new Date(Date.UTC(2024, 6, 1)) });
export const checklistCsv = (rows: number) => Buffer.from(writeChecklistCsv(checklistRows(rows)), 'utf8');
