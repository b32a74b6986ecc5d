import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkScoreTable } from '../../src/domain/score-import.ts';
import { shippedFramework } from '../support/frameworks.ts';
import { TableFileError, readCsv, readTableFile, readXlsx } from '../../src/files/tables.ts';

const SPBE = shippedFramework('spbe-2020');

/** An .xlsx file as Excel would send it; `fill` writes the first sheet, a second sheet holds other data. */
async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Nilai'));
  const other = workbook.addWorksheet('Rekap');
  other.addRow(['indikator', 'tingkat']);
  other.addRow([1, 1]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function tableFileError(promise: Promise<unknown>): Promise<TableFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TableFileError);
  return error as TableFileError;
}

describe('readXlsx', () => {
  it('reads numbers, formula results and rich text as the text a person sees', async () => {
    const data = await xlsx((sheet) => {
      sheet.addRow(['Indikator', 'Tingkat', 'Catatan']);
      sheet.addRow([12, { formula: '1+2', result: 3 }, { richText: [{ text: 'SK ' }, { text: 'Tim SPBE', font: { bold: true } }] }]);
      sheet.addRow([13, 4, '  spasi di tepi  ']);
    });
    expect(await readXlsx(data)).toEqual({
      header: ['Indikator', 'Tingkat', 'Catatan'],
      rows: [
        { rowNo: 2, cells: ['12', '3', 'SK Tim SPBE'] },
        { rowNo: 3, cells: ['13', '4', 'spasi di tepi'] },
      ],
    });
  });

  it('keeps the spreadsheet row numbers across an empty row, and reads only the first sheet', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(1).values = ['indikator', 'tingkat'];
      sheet.getRow(2).values = [1, 2];
      sheet.getRow(4).values = [2, 3];
      sheet.getRow(9).values = [3, 4];
    });
    expect(await readXlsx(data)).toEqual({
      header: ['indikator', 'tingkat'],
      rows: [
        { rowNo: 2, cells: ['1', '2'] },
        { rowNo: 4, cells: ['2', '3'] },
        { rowNo: 9, cells: ['3', '4'] },
      ],
    });
  });

  it('gives empty text for the gaps in a row', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(1).values = ['indikator', 'tingkat', 'catatan'];
      sheet.getCell('A2').value = 5;
      sheet.getCell('C2').value = 'tingkat lupa diisi';
    });
    expect((await readXlsx(data)).rows).toEqual([{ rowNo: 2, cells: ['5', '', 'tingkat lupa diisi'] }]);
  });

  it('reads a formula whose result is 0, an error value, a link, a date', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(1).values = ['indikator', 'tingkat', 'catatan'];
      sheet.getRow(2).values = [1, { formula: '2-2', result: 0 }, { text: 'bukti', hyperlink: 'https://example.org/bukti' }];
      sheet.getRow(3).values = [2, { error: '#N/A' }, new Date(Date.UTC(2024, 6, 17))];
    });
    expect((await readXlsx(data)).rows).toEqual([
      { rowNo: 2, cells: ['1', '0', 'bukti'] },
      { rowNo: 3, cells: ['2', '#N/A', '2024-07-17'] },
    ]);
  });

  it('shows a date beyond any calendar as Excel does, instead of failing', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(1).values = ['indikator', 'tenggat'];
      sheet.getRow(2).values = [1, 1e12];
      sheet.getCell('B2').numFmt = 'dd-mm-yyyy';
    });
    expect((await readXlsx(data)).rows).toEqual([{ rowNo: 2, cells: ['1', '########'] }]);
  });

  it('shows a formula saved without a result instead of an object', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(1).values = ['indikator', 'tingkat'];
      sheet.getRow(2).values = [1, { formula: 'B3+1' }];
    });
    expect((await readXlsx(data)).rows).toEqual([{ rowNo: 2, cells: ['1', '=B3+1'] }]);
  });

  it('takes the first row with text as the header when the sheet starts lower', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(3).values = ['indikator', 'tingkat'];
      sheet.getRow(4).values = [7, 5];
    });
    expect(await readXlsx(data)).toEqual({ header: ['indikator', 'tingkat'], rows: [{ rowNo: 4, cells: ['7', '5'] }] });
  });

  it('reads an empty sheet as an empty table', async () => {
    expect(await readXlsx(await xlsx(() => {}))).toEqual({ header: [], rows: [] });
  });

  it('accepts an ArrayBuffer as well as a Buffer', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['indikator', 'tingkat']);
    const data = await workbook.xlsx.writeBuffer();
    const arrayBuffer = new Uint8Array(data).slice().buffer;
    expect(await readXlsx(arrayBuffer)).toEqual({ header: ['indikator', 'tingkat'], rows: [] });
  });

  it('refuses a corrupt file in Indonesian', async () => {
    const good = await xlsx((sheet) => sheet.addRow(['indikator', 'tingkat']));
    const cut = good.subarray(0, Math.floor(good.length / 2));
    for (const data of [cut, Buffer.from('bukan berkas excel'), Buffer.alloc(0)]) {
      const error = await tableFileError(readXlsx(data));
      expect(error.message).toBe('Berkas XLSX tidak dapat dibuka (rusak atau bukan .xlsx).');
    }
  });

  it('brings the spreadsheet row numbers to the messages a person reads', async () => {
    const data = await xlsx((sheet) => {
      sheet.getRow(1).values = ['No', 'Indikator', 'Tingkat'];
      sheet.getRow(2).values = [1, 12, 3];
      sheet.getRow(5).values = [2, 13, 6];
    });
    const check = checkScoreTable(await readXlsx(data), SPBE);
    expect(check).toEqual({ ok: false, errors: ['Baris 5: Tingkat "6" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'] });
  });
});

describe('readCsv', () => {
  it('reads a comma-separated file', () => {
    expect(readCsv('indikator,tingkat,catatan\n1,4,ada\n2,3,\n')).toEqual({
      header: ['indikator', 'tingkat', 'catatan'],
      rows: [
        { rowNo: 2, cells: ['1', '4', 'ada'] },
        { rowNo: 3, cells: ['2', '3', ''] },
      ],
    });
  });

  it('reads the semicolons Indonesian Excel writes, with decimal commas left in the cell', () => {
    expect(readCsv('indikator;tingkat;catatan\r\n1;4,0;satu, dua\r\n2;3;\r\n')).toEqual({
      header: ['indikator', 'tingkat', 'catatan'],
      rows: [
        { rowNo: 2, cells: ['1', '4,0', 'satu, dua'] },
        { rowNo: 3, cells: ['2', '3', ''] },
      ],
    });
  });

  it('reads a tab-separated file even when the header holds a semicolon', () => {
    expect(readCsv('indikator\ttingkat\tcatatan (mis. a; b)\n1\t2\tx; y\n')).toEqual({
      header: ['indikator', 'tingkat', 'catatan (mis. a; b)'],
      rows: [{ rowNo: 2, cells: ['1', '2', 'x; y'] }],
    });
  });

  it('drops the UTF-8 byte-order mark from the first header cell', () => {
    const table = readCsv('\uFEFFindikator,tingkat\n1,2\n');
    expect(table.header).toEqual(['indikator', 'tingkat']);
    expect(checkScoreTable(table, SPBE)).toEqual({ ok: true, rows: [{ rowNo: 2, indicatorNo: 1, value: 200, note: null, external: null }] });
  });

  it('keeps commas, quotes and line breaks inside quoted cells, one row per record', () => {
    const text = 'indikator,tingkat,catatan\r\n1,2,"satu, dua\r\ntiga"\r\n2,3,"kata ""kunci"""\r\n3,4,akhir\r\n';
    expect(readCsv(text).rows).toEqual([
      { rowNo: 2, cells: ['1', '2', 'satu, dua\r\ntiga'] },
      { rowNo: 3, cells: ['2', '3', 'kata "kunci"'] },
      { rowNo: 4, cells: ['3', '4', 'akhir'] },
    ]);
  });

  it('keeps a quote typed inside an unquoted cell', () => {
    expect(readCsv('indikator,tingkat,catatan\n1,2,SK "Tim SPBE" terbit\n').rows).toEqual([
      { rowNo: 2, cells: ['1', '2', 'SK "Tim SPBE" terbit'] },
    ]);
  });

  it('counts blank lines as rows, so later row numbers match the spreadsheet', () => {
    const table = readCsv('indikator,tingkat\n1,2\n\n,\n3,9\n');
    expect(table.rows.map((r) => r.rowNo)).toEqual([2, 3, 4, 5]);
    expect(checkScoreTable(table, SPBE)).toEqual({ ok: false, errors: ['Baris 5: Tingkat "9" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'] });
  });

  it('takes the header from below leading blank lines, keeping the row numbers', () => {
    expect(readCsv('\n\nindikator,tingkat\n4,1')).toEqual({
      header: ['indikator', 'tingkat'],
      rows: [{ rowNo: 4, cells: ['4', '1'] }],
    });
  });

  it('reads an empty text as an empty table', () => {
    expect(readCsv('')).toEqual({ header: [], rows: [] });
  });

  it('refuses a quote left open, telling the row it starts in', () => {
    let error: unknown = null;
    try {
      readCsv('indikator,tingkat,catatan\n1,2,ok\n2,3,"belum ditutup\n3,4,x\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TableFileError);
    expect((error as Error).message).toBe('Berkas CSV tidak dapat dibaca: tanda kutip (") tidak ditutup (baris 3).');
  });
});

describe('readTableFile', () => {
  const csv = Buffer.from('indikator;tingkat\n1;5\n', 'utf8');
  const expected = { header: ['indikator', 'tingkat'], rows: [{ rowNo: 2, cells: ['1', '5'] }] };

  it('reads .csv and .txt files as text', async () => {
    expect(await readTableFile('nilai.csv', csv)).toEqual(expected);
    expect(await readTableFile('NILAI.CSV', csv)).toEqual(expected);
    expect(await readTableFile('nilai.txt', csv)).toEqual(expected);
  });

  it('reads .xlsx files, whatever the case of the extension', async () => {
    const data = await xlsx((sheet) => {
      sheet.addRow(['indikator', 'tingkat']);
      sheet.addRow([1, 5]);
    });
    expect(await readTableFile('Nilai SPBE 2024.xlsx', data)).toEqual(expected);
    expect(await readTableFile('NILAI.XLSX', data)).toEqual(expected);
  });

  it('goes by the name: a CSV named .xlsx is refused as a broken workbook', async () => {
    const error = await tableFileError(readTableFile('nilai.xlsx', csv));
    expect(error.message).toBe('Berkas XLSX tidak dapat dibuka (rusak atau bukan .xlsx).');
  });

  it('reads the UTF-8 byte-order mark Excel puts in "CSV UTF-8"', async () => {
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('indikator,tingkat,catatan\n1,5,Rapat koordinasi – Bappeda\n')]);
    expect(await readTableFile('nilai.csv', data)).toEqual({
      header: ['indikator', 'tingkat', 'catatan'],
      rows: [{ rowNo: 2, cells: ['1', '5', 'Rapat koordinasi – Bappeda'] }],
    });
  });

  it('reads Excel "Unicode text": UTF-16 with tabs', async () => {
    const text = 'indikator\ttingkat\tcatatan\r\n1\t5\tKominfo – ok\r\n';
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await readTableFile('nilai.txt', data)).toEqual({
      header: ['indikator', 'tingkat', 'catatan'],
      rows: [{ rowNo: 2, cells: ['1', '5', 'Kominfo – ok'] }],
    });
  });

  it('refuses other kinds of files, naming them', async () => {
    for (const name of ['nilai.pdf', 'nilai.xls', 'nilai.xlsx.pdf', 'nilai']) {
      const error = await tableFileError(readTableFile(name, csv));
      expect(error.message).toBe(`Jenis berkas "${name}" tidak didukung; gunakan .csv atau .xlsx.`);
    }
  });

  it('refuses an unreadable CSV with a TableFileError', async () => {
    const error = await tableFileError(readTableFile('nilai.csv', Buffer.from('indikator,tingkat\n"1,2\n')));
    expect(error.message).toBe('Berkas CSV tidak dapat dibaca: tanda kutip (") tidak ditutup (baris 2).');
  });

  it('reads a stored levels file into 47 rows the domain accepts', async () => {
    const data = await readFile(new URL('../fixtures/paser-2024-final.csv', import.meta.url));
    const table = await readTableFile('paser-2024-final.csv', data);
    expect(table.header).toEqual(['indikator', 'tingkat', 'catatan']);
    expect(table.rows).toHaveLength(47);
    expect(table.rows[0]).toEqual({ rowNo: 2, cells: ['1', '4', ''] });
    expect(table.rows[46]).toEqual({ rowNo: 48, cells: ['47', '3', ''] });
    const check = checkScoreTable(table, SPBE);
    expect(check.ok && check.rows.map((r) => r.indicatorNo)).toEqual(SPBE.indicators.map((i) => i.no));
  });
});
