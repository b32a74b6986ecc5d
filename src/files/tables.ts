// Reads the tables people send (CSV from any spreadsheet, or .xlsx) into plain rows of text,
// so the domain checks one shape whatever the file was. Used by the CLI and, later, the bot.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Table } from '../domain/score-import.ts';

export class TableFileError extends Error {}

/** Indonesian Excel writes CSV with ";" (the comma is the decimal separator): detect it. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

export function readCsv(text: string): Table {
  const clean = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(clean, { delimiter: detectDelimiter(clean), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new TableFileError(`Berkas CSV tidak dapat dibaca: ${(error as Error).message}`);
  }
  const [header = [], ...rest] = records;
  return { header, rows: rest.map((cells, i) => ({ rowNo: i + 2, cells })) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export async function readXlsx(data: Buffer | ArrayBuffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new TableFileError('Berkas XLSX tidak dapat dibuka (rusak atau bukan .xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFileError('Berkas XLSX tidak memiliki lembar kerja.');
  const lines: { rowNo: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    lines.push({ rowNo, cells });
  });
  const [header, ...rows] = lines;
  if (!header) return { header: [], rows: [] };
  return { header: header.cells, rows };
}

/** By file name: .xlsx through exceljs, .csv/.txt as text; anything else is refused. */
export async function readTableFile(name: string, data: Buffer): Promise<Table> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(data);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(data.toString('utf8'));
  throw new TableFileError(`Jenis berkas "${name}" tidak didukung; gunakan .csv atau .xlsx.`);
}
