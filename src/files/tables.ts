// Reads the tables people send (CSV from any spreadsheet, or .xlsx) into plain rows of text,
// so the domain checks one shape whatever the file was. Used by the CLI and the bot. Both readers
// check the file against the limits in table-limits.ts before parsing it (csv-shape.ts,
// xlsx-shape.ts): a small file must not be able to stop the bot.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Table, TableRow } from '../domain/score-import.ts';
import { CSV_SLICE_CHARS, measureCsv } from './csv-shape.ts';
import { TableFileError, tableTexts } from './table-errors.ts';
import { MAX_CSV_BYTES, MAX_TABLE_COLUMNS } from './table-limits.ts';
import { checkXlsxShape } from './xlsx-shape.ts';

export { TableFileError } from './table-errors.ts';

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
  const at = text.search(/\S/);
  if (at === -1) return ',';
  const start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  const next = text.slice(at).search(/[\r\n]/);
  const firstLine = text.slice(start, next === -1 ? text.length : at + next);
  const count = (ch: string) => {
    let n = 0;
    for (let i = firstLine.indexOf(ch); i !== -1; i = firstLine.indexOf(ch, i + 1)) n++;
    return n;
  };
  let best = ',';
  for (const ch of [';', '\t']) if (count(ch) > count(best)) best = ch;
  return best;
}

interface CsvParseError {
  code?: unknown;
  /** records read before the failing one */
  records?: unknown;
}

/**
 * csv-parse explains in English; the usual mistake, an unclosed quote, is told in Indonesian with
 * its row (csv-shape.ts finds it first; this is for a slice csv-parse still refuses).
 */
function csvErrorText(error: unknown, firstRowNo: number): string {
  const { code, records } = error as CsvParseError;
  if (code === 'CSV_QUOTE_NOT_CLOSED' && typeof records === 'number') return tableTexts.csvQuoteNotClosed(firstRowNo + records);
  return (error as Error).message;
}

/**
 * The rows of a CSV, one slice of whole records at a time: csv-parse is synchronous, so the async
 * reader lets the event loop run between slices. One record is one spreadsheet row, even when a
 * quoted cell spans several lines of the file.
 */
function* csvRowSlices(text: string, sliceChars = CSV_SLICE_CHARS): Generator<TableRow[]> {
  if (text.length > MAX_CSV_BYTES) throw new TableFileError(tableTexts.csvTooLarge);
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(clean);
  const { ends, recordDelimiter } = measureCsv(clean, delimiter, sliceChars);
  let start = 0;
  let rowNo = 1;
  for (const end of ends) {
    let records: string[][];
    try {
      records = parse(clean.slice(start, end), {
        delimiter,
        // csv-parse takes the first line break it meets: the whole file's, not each slice's
        ...(recordDelimiter === null ? {} : { record_delimiter: recordDelimiter }),
        relax_column_count: true,
        // a quote inside an unquoted cell (catatan "penting") is text, not an error
        relax_quotes: true,
        skip_empty_lines: false,
      });
    } catch (error) {
      throw new TableFileError(tableTexts.csvUnreadable(csvErrorText(error, rowNo)));
    }
    // cells right of the last column are blank (csv-shape.ts refuses anything else): dropped
    yield records.map((cells, i) => ({ rowNo: rowNo + i, cells: cells.length > MAX_TABLE_COLUMNS ? cells.slice(0, MAX_TABLE_COLUMNS) : cells }));
    rowNo += records.length;
    start = end;
  }
}

/** `sliceChars` only changes how much csv-parse reads at once (tests make it small), never the result. */
export function readCsv(text: string, sliceChars = CSV_SLICE_CHARS): Table {
  const lines: TableRow[] = [];
  for (const rows of csvRowSlices(text, sliceChars)) for (const row of rows) lines.push(row);
  return splitHeader(lines);
}

/** readCsv, letting the event loop run between slices of a large file. */
async function readCsvYielding(text: string): Promise<Table> {
  const lines: TableRow[] = [];
  for (const rows of csvRowSlices(text)) {
    for (const row of rows) lines.push(row);
    await nextTurn();
  }
  return splitHeader(lines);
}

function valueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // a serial beyond any calendar: what Excel shows in its place
    return Number.isNaN(value.getTime()) ? '########' : value.toISOString().slice(0, 10);
  }
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

/**
 * The first sheet's rows with any value, read by position (findRow/findCell): exceljs's own
 * eachRow/eachCell walk every column up to the last one used, 16 384 for a cell in column XFD.
 */
export async function readXlsx(data: Buffer | ArrayBuffer): Promise<Table> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
  await checkXlsxShape(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableFileError(tableTexts.xlsxBroken);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFileError(tableTexts.xlsxNoSheet);
  try {
    return splitHeader(sheetRows(sheet));
  } catch {
    // exceljs builds whatever a damaged file describes, and reading that can fail like loading it
    throw new TableFileError(tableTexts.xlsxBroken);
  }
}

function sheetRows(sheet: ExcelJS.Worksheet): TableRow[] {
  const lines: TableRow[] = [];
  const last = sheet.rowCount;
  for (let rowNo = 1; rowNo <= last; rowNo++) {
    const row = sheet.findRow(rowNo);
    if (!row) continue;
    const found = Array.from({ length: Math.min(row.cellCount, MAX_TABLE_COLUMNS) }, (_, c) => row.findCell(c + 1));
    // cells right of the last column are empty here: xlsx-shape.ts refuses any with a value
    if (found.every((cell) => !cell || cell.type === ExcelJS.ValueType.Null)) continue;
    lines.push({ rowNo, cells: found.map((cell) => (cell ? cellText(cell).trim() : '')) });
  }
  return lines;
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
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    if (data.length > MAX_CSV_BYTES) throw new TableFileError(tableTexts.csvTooLarge);
    return readCsvYielding(decodeText(data));
  }
  throw new TableFileError(tableTexts.unsupported(name));
}
