// Workbooks that would stop the bot are refused before exceljs builds them (xlsx-shape.ts), with
// a message that says what to change; workbooks inside the limits still read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableTexts } from '../../src/files/table-errors.ts';
import { MAX_MERGED_RANGES, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_XLSX_ENTRIES } from '../../src/files/table-limits.ts';
import { TableFileError, readTableFile, readXlsx } from '../../src/files/tables.ts';
import { checkXlsxShape } from '../../src/files/xlsx-shape.ts';
import {
  cellFormats, columnFormat, conditionalFormats, emptyCells, hugePart, manyParts, manyRows, mergedRanges, namedRange, validation,
  wideRow, xfdSheet, xfdWorkbook, xlsxWith, sheetXml,
} from './table-bomb-files.ts';

async function refusal(data: Buffer | Promise<Buffer>): Promise<string> {
  const error = await readXlsx(await data).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TableFileError);
  return (error as TableFileError).message;
}

const MB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';

describe('readXlsx refuses a workbook that would stop the bot', () => {
  it('a value in column XFD on 1 000 rows (the 15 KB file of the finding)', async () => {
    const data = await xfdWorkbook(1_000);
    expect(data.length).toBeLessThan(20_000);
    expect(await refusal(data)).toBe(tableTexts.beyondLastColumn(1, 16_384));
    expect(tableTexts.beyondLastColumn(1, 16_384)).toMatch(/^Baris 1 berisi data di kolom XFD; hanya kolom A sampai AX \(50 kolom\)/);
  });

  it('a value in column XFD on 20 000 rows', async () => {
    expect(await refusal(xfdSheet(20_000))).toBe(tableTexts.beyondLastColumn(1, 16_384));
  });

  it('a part that declares 60 MB unpacked, before inflating it', async () => {
    expect(await refusal(hugePart(60 * MB))).toBe(tableTexts.xlsxTooLarge);
  });

  it('a part that declares 1 000 bytes and unpacks to 60 MB, at the 1 001st byte', async () => {
    expect(await refusal(hugePart(60 * MB, 1_000))).toBe(tableTexts.xlsxBroken);
  });

  it('more rows than the limit, counting every sheet', async () => {
    expect(await refusal(manyRows(MAX_TABLE_ROWS + 1))).toBe(tableTexts.xlsxTooManyRows);
  });

  it('a value in column AY, the first past the limit', async () => {
    expect(await refusal(wideRow(MAX_TABLE_COLUMNS + 1))).toBe(tableTexts.beyondLastColumn(2, 51));
    expect(tableTexts.beyondLastColumn(2, 51)).toContain('kolom AY');
  });

  it('a row as wide as Excel allows (16 384 cells)', async () => {
    expect(await refusal(wideRow(16_384))).toBe(tableTexts.beyondLastColumn(2, 51));
  });

  it('more than a million cells, formatted empty ones too, with or without references', async () => {
    expect(await refusal(emptyCells(50_001, 20))).toBe(tableTexts.xlsxTooManyCells);
    expect(await refusal(xlsxWith({ [SHEET]: sheetXml(`<row r="1">${'<c/>'.repeat(1_000_001)}</row>`) }))).toBe(tableTexts.xlsxBroken);
    const rows = Array.from({ length: 50_001 }, () => `<row>${'<c/>'.repeat(20)}</row>`).join('');
    expect(await refusal(xlsxWith({ [SHEET]: sheetXml(rows) }))).toBe(tableTexts.xlsxTooManyCells);
  });

  it('a merged range over the whole sheet, and too many merged ranges', async () => {
    expect(await refusal(mergedRanges(['A1:XFD1048576']))).toBe(tableTexts.xlsxTooManyCells);
    const pairs = Array.from({ length: MAX_MERGED_RANGES + 1 }, (_, i) => `A${i + 2}:B${i + 2}`);
    expect(await refusal(mergedRanges(pairs))).toBe(tableTexts.tooManyMerges);
  });

  it('a data validation or a named range over the whole sheet', async () => {
    expect(await refusal(validation('A1:XFD1048576'))).toBe(tableTexts.tooManyRangeCells);
    expect(await refusal(namedRange('$A$1:$XFD$1048576'))).toBe(tableTexts.tooManyRangeCells);
  });

  it('thousands of cell formats or conditional formats', async () => {
    expect(await refusal(cellFormats(250_000))).toBe(tableTexts.xlsxTooComplex);
    expect(await refusal(conditionalFormats(70_000))).toBe(tableTexts.xlsxTooComplex);
  });

  it('more parts than the limit', async () => {
    expect(await refusal(manyParts(MAX_XLSX_ENTRIES + 1))).toBe(tableTexts.xlsxTooComplex);
  });

  it('a tag that never ends, as a damaged file', async () => {
    expect(await refusal(xlsxWith({ [SHEET]: sheetXml(`<row r="1"><c r="A1" s="${'1'.repeat(2_000_000)}`) }))).toBe(tableTexts.xlsxBroken);
  });

  it('references outside Excel\'s own sheet, as a damaged file', async () => {
    expect(await refusal(columnFormat(1_000_000_000))).toBe(tableTexts.xlsxBroken);
    expect(await refusal(xlsxWith({ [SHEET]: sheetXml('<row r="1"><c r="A2000000"><v>1</v></c></row>') }))).toBe(tableTexts.xlsxBroken);
    expect(await refusal(xlsxWith({ [SHEET]: sheetXml('<row r="99999999"><c><v>1</v></c></row>') }))).toBe(tableTexts.xlsxBroken);
  });

  it('readTableFile gives the same refusal', async () => {
    const error = await readTableFile('nilai.xlsx', await xfdWorkbook(10)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TableFileError);
    expect((error as Error).message).toBe(tableTexts.beyondLastColumn(1, 16_384));
  });
});

describe('readXlsx still reads a workbook inside the limits', () => {
  it('ignores formatted empty cells far to the right, and reads column AX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nilai');
    sheet.getRow(1).values = ['indikator', 'tingkat'];
    sheet.getRow(2).values = [1, 4];
    sheet.getCell(2, MAX_TABLE_COLUMNS).value = 'catatan di AX';
    sheet.getCell(2, 16_384).style = { font: { bold: true } };
    sheet.getCell(3, 200).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table.header).toEqual(['indikator', 'tingkat']);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells).toHaveLength(MAX_TABLE_COLUMNS);
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual(['1', '4']);
    expect(table.rows[0]!.cells[MAX_TABLE_COLUMNS - 1]).toBe('catatan di AX');
  });

  it('a sheet at the row limit, 16 columns wide, and a value in column AX pass the checks', async () => {
    await expect(checkXlsxShape(await manyRows(MAX_TABLE_ROWS, 16))).resolves.toBeUndefined();
    await expect(checkXlsxShape(await wideRow(MAX_TABLE_COLUMNS))).resolves.toBeUndefined();
  });

  it('reads a merged title row, a data validation and a named range over the rows in use', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nilai');
    sheet.getCell('A1').value = 'Nilai SPBE 2024';
    sheet.mergeCells('A1:C1');
    sheet.getRow(2).values = ['indikator', 'tingkat'];
    sheet.getRow(3).values = [1, 5];
    sheet.getCell('B3').dataValidation = { type: 'whole', operator: 'between', formulae: [1, 5] };
    workbook.definedNames.add('Nilai!$A$2:$B$3', 'data');
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table).toEqual({ header: ['Nilai SPBE 2024', 'Nilai SPBE 2024', 'Nilai SPBE 2024'], rows: [
      { rowNo: 2, cells: ['indikator', 'tingkat'] },
      { rowNo: 3, cells: ['1', '5'] },
    ] });
  });
});
