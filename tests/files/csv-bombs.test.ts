// CSV text that would hold the event loop or fill the memory is refused before csv-parse reads
// it (csv-shape.ts), with a message that says what to change; the checklist export still reads.
import { describe, expect, it } from 'vitest';
import { tableTexts } from '../../src/files/table-errors.ts';
import { MAX_CSV_BYTES, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../src/files/table-limits.ts';
import { TableFileError, readCsv, readTableFile } from '../../src/files/tables.ts';
import { checklistCsv } from './table-bomb-files.ts';

function refusal(text: string): string {
  let error: unknown = null;
  try {
    readCsv(text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TableFileError);
  return (error as Error).message;
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i + 1)).join('\n');

describe('readCsv refuses text that would stop the bot', () => {
  it('more than 50 MB, before decoding or parsing it', async () => {
    expect(refusal('a'.repeat(MAX_CSV_BYTES + 1))).toBe(tableTexts.csvTooLarge);
    const error = await readTableFile('nilai.csv', Buffer.alloc(MAX_CSV_BYTES + 1, 0x61)).then(() => null, (e: unknown) => e);
    expect((error as Error).message).toBe(tableTexts.csvTooLarge);
  });

  it('more rows than the limit, blank lines included', () => {
    expect(refusal(`indikator;tingkat\n${lines(MAX_TABLE_ROWS, (i) => `${i};3`)}`)).toBe(tableTexts.csvTooManyRows);
    expect(refusal('\n'.repeat(MAX_TABLE_ROWS + 1))).toBe(tableTexts.csvTooManyRows);
  });

  it('a value in column AY, the first past the limit, naming its row', () => {
    const wide = Array.from({ length: MAX_TABLE_COLUMNS + 1 }, (_, i) => `k${i + 1}`).join(';');
    expect(refusal(`indikator;tingkat\n1;2\n${wide}\n`)).toBe(tableTexts.beyondLastColumn(3, 51));
    expect(refusal(`indikator,tingkat\n1,2${',x'.repeat(20_000)}\n`)).toBe(tableTexts.beyondLastColumn(2, 51));
  });

  it('a line of five million semicolons', () => {
    expect(refusal(';'.repeat(5_000_000))).toBe(tableTexts.csvTooManyCells);
    expect(refusal(lines(40_000, () => ';'.repeat(30)))).toBe(tableTexts.csvTooManyCells);
  });

  it('one record running over thousands of lines through quoted line breaks', () => {
    expect(refusal(`indikator;catatan\n1${';"\n"'.repeat(1_000_000)}`)).toBe(tableTexts.rowTooLong(2));
  });

  it('a 2 MB cell, and a quote left open at the top of a large file', () => {
    expect(refusal(`indikator;catatan\n1;${'x'.repeat(2_000_000)}\n`)).toBe(tableTexts.rowTooLong(2));
    expect(refusal(`indikator;catatan\n1;"${lines(250_000, (i) => `${i};ok`)}`)).toBe(tableTexts.rowTooLong(2));
    expect(refusal(`indikator;catatan\n1;"${lines(1_000, (i) => `${i};ok`)}`)).toBe(tableTexts.csvUnreadable(tableTexts.csvQuoteNotClosed(2)));
  });
});

describe('readCsv still reads a table inside the limits', () => {
  it('drops blank cells right of column AX, keeping the row', () => {
    const table = readCsv(`indikator,tingkat\n1,2${','.repeat(200)}\n`);
    expect(table.rows).toEqual([{ rowNo: 2, cells: ['1', '2', ...Array<string>(MAX_TABLE_COLUMNS - 2).fill('')] }]);
  });

  it('reads exactly the row limit', () => {
    const table = readCsv(`indikator;tingkat\n${lines(MAX_TABLE_ROWS - 1, (i) => `${i};3`)}`);
    expect(table.rows).toHaveLength(MAX_TABLE_ROWS - 1);
    expect(table.rows.at(-1)).toEqual({ rowNo: MAX_TABLE_ROWS, cells: [String(MAX_TABLE_ROWS - 1), '3'] });
  });

  it('reads the 50 000-row checklist export, 12 columns, in slices', async () => {
    const data = checklistCsv(50_000);
    const table = await readTableFile('ceklis.csv', data);
    expect(table.header).toHaveLength(12);
    expect(table.rows).toHaveLength(50_000);
    expect(table.rows[49_999]!.rowNo).toBe(50_001);
    expect(table.rows[49_999]!.cells[0]).toBe('50000');
  });

  it('gives the same table whatever the slice size', () => {
    const text = 'indikator;catatan\r\n1;"satu\r\ndua"\r\n\r\n2;"kata ""kunci"""\r\n3;akhir';
    const whole = readCsv(text);
    for (const slice of [1, 2, 5, 13]) expect(readCsv(text, slice)).toEqual(whole);
    expect(whole.rows.map((r) => r.rowNo)).toEqual([2, 3, 4, 5]);
  });
});
