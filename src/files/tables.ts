// Reads the tables people send (CSV from any spreadsheet, or .xlsx) into plain rows of text,
// so the domain checks one shape whatever the file was. Used by the CLI and, later, the bot.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Table, TableRow } from '../domain/score-import.ts';

export class TableFileError extends Error {}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The first row with any text is the header (rows above it are blank); the rest keep their numbers. */
function splitHeader(lines: TableRow[]): Table {
  const at = lines.findIndex((line) => !isBlank(line.cells));
  const header = lines[at];
  if (!header) return { header: [], rows: [] };
  return { header: header.cells, rows: lines.slice(at + 1) };
}

/**
 * Indonesian Excel writes CSV with ";" (the comma is the decimal separator), Excel's "Unicode
 * text" uses tabs: the delimiter that occurs most in the header line wins, a comma on a tie.
 */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  let best = ',';
  for (const ch of [';', '\t']) if (count(ch) > count(best)) best = ch;
  return best;
}

interface CsvParseError {
  code?: unknown;
  /** records read before the failing one */
  records?: unknown;
}

/** csv-parse explains in English; the usual mistake, an unclosed quote, is told in Indonesian with its row. */
function csvErrorText(error: unknown): string {
  const { code, records } = error as CsvParseError;
  const at = typeof records === 'number' ? ` (baris ${records + 1})` : '';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return `tanda kutip (") tidak ditutup${at}.`;
  return (error as Error).message;
}

export function readCsv(text: string): Table {
  const clean = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(clean, {
      delimiter: detectDelimiter(clean),
      relax_column_count: true,
      // a quote inside an unquoted cell (catatan "penting") is text, not an error
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw new TableFileError(`Berkas CSV tidak dapat dibaca: ${csvErrorText(error)}`);
  }
  // one record is one spreadsheet row, even when a quoted cell spans several lines of the file
  return splitHeader(records.map((cells, i) => ({ rowNo: i + 1, cells })));
}

function valueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return valueText(value.result as ExcelJS.CellValue);
    if ('text' in value) return valueText(value.text as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Formula) {
    // exceljs drops a cached result of 0 from `value`, so read `result`; a formula saved without
    // any result (a generated file never opened in a spreadsheet) shows itself instead
    const result = cell.result as ExcelJS.CellValue | undefined;
    if (result !== undefined && result !== null) return valueText(result);
    return cell.formula ? `=${cell.formula}` : '';
  }
  return valueText(cell.value);
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
  const lines: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)).trim());
    lines.push({ rowNo, cells });
  });
  return splitHeader(lines);
}

/** Excel's "Unicode text" (.txt) is UTF-16 with a byte-order mark; everything else is read as UTF-8. */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return data.toString('utf8');
}

/** By file name: .xlsx through exceljs, .csv/.txt as text; anything else is refused. */
export async function readTableFile(name: string, data: Buffer): Promise<Table> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(data);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(decodeText(data));
  throw new TableFileError(`Jenis berkas "${name}" tidak didukung; gunakan .csv atau .xlsx.`);
}
