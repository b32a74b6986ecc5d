import { describe, expect, it } from 'vitest';
import type { ScoreImportCheck, Table } from './score-import.ts';
import { checkScoreTable, parseWholeNumber } from './score-import.ts';
import { shippedFramework } from '../../tests/support/frameworks.ts';

const SPBE = shippedFramework('spbe-2020');
const PEMDI = shippedFramework('pemdi-2026');

/** A table as the file readers give it: the header is row 1, data rows follow from row 2. */
function table(header: string[], ...rows: string[][]): Table {
  return { header, rows: rows.map((cells, i) => ({ rowNo: i + 2, cells })) };
}

function errorsOf(check: ScoreImportCheck): string[] {
  if (check.ok) throw new Error(`expected a refusal, got ${JSON.stringify(check.rows)}`);
  return check.errors;
}

function rowsOf(check: ScoreImportCheck) {
  if (!check.ok) throw new Error(`expected rows, got ${JSON.stringify(check.errors)}`);
  return check.rows;
}

describe('parseWholeNumber', () => {
  it('reads what a person or a spreadsheet number cell writes', () => {
    expect(parseWholeNumber('12')).toBe(12);
    expect(parseWholeNumber(' 012 ')).toBe(12);
    expect(parseWholeNumber('12.0')).toBe(12);
    expect(parseWholeNumber('3,00')).toBe(3);
    expect(parseWholeNumber('0')).toBe(0);
  });
  it('refuses fractions, signs, words and empty text', () => {
    for (const text of ['3,5', '3.5', '-1', '+2', 'abc', '', '1 2', '12345']) {
      expect(parseWholeNumber(text), text).toBeNull();
    }
  });
});

describe('checkScoreTable: good tables', () => {
  it('reads every row with its spreadsheet row number, note or null', () => {
    const check = checkScoreTable(
      table(['indikator', 'tingkat', 'catatan'], ['1', '4', 'SK Tim SPBE sudah terbit'], ['2', '3', ''], ['47', '5', '  ']),
      SPBE,
    );
    expect(rowsOf(check)).toEqual([
      { rowNo: 2, indicatorNo: 1, value: 400, note: 'SK Tim SPBE sudah terbit', external: null },
      { rowNo: 3, indicatorNo: 2, value: 300, note: null, external: null },
      { rowNo: 4, indicatorNo: 47, value: 500, note: null, external: null },
    ]);
  });

  it('finds the columns in any case and order, around other columns', () => {
    const check = checkScoreTable(
      table([' Catatan ', 'Nama', 'TINGKAT', 'Indikator'], ['cukup', 'Kebijakan Internal Arsitektur SPBE', '2', '5']),
      SPBE,
    );
    expect(rowsOf(check)).toEqual([{ rowNo: 2, indicatorNo: 5, value: 200, note: 'cukup', external: null }]);
  });

  it('does without a catatan column', () => {
    const check = checkScoreTable(table(['indikator', 'tingkat'], ['3', '1']), SPBE);
    expect(rowsOf(check)).toEqual([{ rowNo: 2, indicatorNo: 3, value: 100, note: null, external: null }]);
  });

  it('accepts 012 and 12.0 as 12, and a level written 4.0', () => {
    const check = checkScoreTable(table(['indikator', 'tingkat'], ['012', '4.0'], ['13.0', '2']), SPBE);
    expect(rowsOf(check)).toEqual([
      { rowNo: 2, indicatorNo: 12, value: 400, note: null, external: null },
      { rowNo: 3, indicatorNo: 13, value: 200, note: null, external: null },
    ]);
  });

  it('skips blank rows and keeps the row numbers of the others', () => {
    const t: Table = {
      header: ['indikator', 'tingkat', 'catatan'],
      rows: [
        { rowNo: 2, cells: ['1', '2', ''] },
        { rowNo: 3, cells: ['', ' ', ''] },
        { rowNo: 4, cells: [] },
        { rowNo: 7, cells: ['2', '3', 'x'] },
      ],
    };
    expect(rowsOf(checkScoreTable(t, SPBE))).toEqual([
      { rowNo: 2, indicatorNo: 1, value: 200, note: null, external: null },
      { rowNo: 7, indicatorNo: 2, value: 300, note: 'x', external: null },
    ]);
  });

  it('takes the indikator column, not a running "No", when both are there', () => {
    const check = checkScoreTable(table(['No', 'Indikator', 'Tingkat'], ['1', '12', '3'], ['2', '30', '4']), SPBE);
    expect(rowsOf(check)).toEqual([
      { rowNo: 2, indicatorNo: 12, value: 300, note: null, external: null },
      { rowNo: 3, indicatorNo: 30, value: 400, note: null, external: null },
    ]);
  });

  it('knows the English and short header names', () => {
    const check = checkScoreTable(table(['no', 'level', 'note'], ['7', '5', 'ok']), SPBE);
    expect(rowsOf(check)).toEqual([{ rowNo: 2, indicatorNo: 7, value: 500, note: 'ok', external: null }]);
  });

  it('accepts a note of exactly 1000 characters', () => {
    const note = 'a'.repeat(1000);
    expect(rowsOf(checkScoreTable(table(['indikator', 'tingkat', 'catatan'], ['1', '1', note]), SPBE))).toEqual([
      { rowNo: 2, indicatorNo: 1, value: 100, note, external: null },
    ]);
  });
});

describe('checkScoreTable: refusals', () => {
  it('refuses a header without indikator and tingkat', () => {
    expect(errorsOf(checkScoreTable(table(['nomor', 'skor'], ['1', '3']), SPBE))).toEqual([
      'Baris 1: kolom indikator dan tingkat tidak ditemukan; baris judul harus memuat indikator,tingkat (opsional catatan, indeks_lain).',
    ]);
  });

  it('names the one missing column', () => {
    expect(errorsOf(checkScoreTable(table(['indikator', 'catatan'], ['1', 'x']), SPBE))).toEqual([
      'Baris 1: kolom tingkat tidak ditemukan; baris judul harus memuat indikator,tingkat (opsional catatan, indeks_lain).',
    ]);
    expect(errorsOf(checkScoreTable(table(['tingkat'], ['3']), SPBE))).toEqual([
      'Baris 1: kolom indikator tidak ditemukan; baris judul harus memuat indikator,tingkat (opsional catatan, indeks_lain).',
    ]);
  });

  it('refuses an empty file the same way', () => {
    expect(errorsOf(checkScoreTable({ header: [], rows: [] }, SPBE))).toEqual([
      'Baris 1: kolom indikator dan tingkat tidak ditemukan; baris judul harus memuat indikator,tingkat (opsional catatan, indeks_lain).',
    ]);
  });

  it('refuses a file with only a header, or only blank rows under it', () => {
    expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat']), SPBE))).toEqual(['Berkas tidak berisi baris nilai.']);
    expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat'], ['', ''], []), SPBE))).toEqual([
      'Berkas tidak berisi baris nilai.',
    ]);
  });

  it('refuses an unknown indicator number, a word and an empty cell', () => {
    expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat'], ['48', '3']), SPBE))).toEqual([
      'Baris 2: indikator "48" tidak dikenal (nomor 1–47).',
    ]);
    expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat'], ['abc', '3']), SPBE))).toEqual([
      'Baris 2: indikator "abc" tidak dikenal (nomor 1–47).',
    ]);
    expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat'], ['0', '3']), SPBE))).toEqual([
      'Baris 2: indikator "0" tidak dikenal (nomor 1–47).',
    ]);
    expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat', 'catatan'], ['', '3', 'lupa nomor']), SPBE))).toEqual([
      'Baris 2: indikator "" tidak dikenal (nomor 1–47).',
    ]);
  });

  it('refuses levels outside 1–5, fractions and empty levels', () => {
    const cases: [string, string][] = [
      ['0', 'Baris 2: Tingkat "0" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
      ['6', 'Baris 2: Tingkat "6" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
      ['3,5', 'Baris 2: Tingkat "3,5" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
      ['3.5', 'Baris 2: Tingkat "3.5" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
      ['', 'Baris 2: tingkat 1–5 belum diisi.'],
      ['tiga', 'Baris 2: Tingkat "tiga" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.'],
    ];
    for (const [level, message] of cases) {
      expect(errorsOf(checkScoreTable(table(['indikator', 'tingkat'], ['1', level]), SPBE)), level).toEqual([message]);
    }
  });

  it('refuses a row shorter than the header as an empty level', () => {
    expect(errorsOf(checkScoreTable(table(['indikator', 'catatan', 'tingkat'], ['4', 'x']), SPBE))).toEqual([
      'Baris 2: tingkat 1–5 belum diisi.',
    ]);
  });

  it('refuses a repeated indicator, naming the row it first appeared in', () => {
    const check = checkScoreTable(table(['indikator', 'tingkat'], ['5', '2'], ['6', '3'], ['05', '4'], ['5.0', '1']), SPBE);
    expect(errorsOf(check)).toEqual([
      'Baris 4: indikator 5 sudah ada di baris 2.',
      'Baris 5: indikator 5 sudah ada di baris 2.',
    ]);
  });

  it('refuses a note over 1000 characters', () => {
    const check = checkScoreTable(table(['indikator', 'tingkat', 'catatan'], ['1', '3', 'a'.repeat(1001)]), SPBE);
    expect(errorsOf(check)).toEqual(['Baris 2: catatan lebih dari 1000 karakter.']);
  });

  it('collects every error of every row and applies nothing', () => {
    const t: Table = {
      header: ['indikator', 'tingkat', 'catatan'],
      rows: [
        { rowNo: 2, cells: ['1', '4', ''] },
        { rowNo: 3, cells: ['99', '7', ''] },
        { rowNo: 5, cells: ['1', '3', 'b'.repeat(1001)] },
        { rowNo: 6, cells: ['2', '', ''] },
      ],
    };
    expect(errorsOf(checkScoreTable(t, SPBE))).toEqual([
      'Baris 3: indikator "99" tidak dikenal (nomor 1–47).',
      'Baris 3: Tingkat "7" tidak sah: kerangka ini memakai tingkat bulat 1 sampai 5.',
      'Baris 5: indikator 1 sudah ada di baris 2.',
      'Baris 5: catatan lebih dari 1000 karakter.',
      'Baris 6: tingkat 1–5 belum diisi.',
    ]);
  });
});

describe('checkScoreTable: indicator numbers of the framework', () => {
  it('checks Pemdi tables against 1–20', () => {
    const t = table(['indikator', 'tingkat'], ['20', '3'], ['21', '3'], ['47', '2']);
    expect(errorsOf(checkScoreTable(t, PEMDI))).toEqual([
      'Baris 3: indikator "21" tidak dikenal (nomor 1–20).',
      'Baris 4: indikator "47" tidak dikenal (nomor 1–20).',
    ]);
  });

  it('accepts under SPBE the same numbers Pemdi refuses', () => {
    const t = table(['indikator', 'tingkat'], ['21', '3'], ['47', '2']);
    expect(rowsOf(checkScoreTable(t, SPBE)).map((r) => r.indicatorNo)).toEqual([21, 47]);
  });

  it('knows only the numbers it is given, and tells their range', () => {
    const t = table(['indikator', 'tingkat'], ['10', '3'], ['11', '3'], ['1', '3']);
    const some = { ...SPBE, indicators: SPBE.indicators.filter((i) => [10, 12, 14].includes(i.no)) };
    expect(errorsOf(checkScoreTable(t, some))).toEqual([
      'Baris 3: indikator "11" tidak dikenal (nomor 10–14).',
      'Baris 4: indikator "1" tidak dikenal (nomor 10–14).',
    ]);
  });
});

describe('checkScoreTable: Pemdi decimal values and other agencies\' indices', () => {
  it('reads decimal values 1,00–5,00 with a comma or a dot', () => {
    const t = table(['indikator', 'nilai'], ['1', '1,26'], ['2', '1.17'], ['3', '2'], ['4', '5,00']);
    expect(rowsOf(checkScoreTable(t, PEMDI)).map((r) => r.value)).toEqual([126, 117, 200, 500]);
  });

  it('refuses values outside 1,00–5,00 and a third decimal', () => {
    const t = table(['indikator', 'nilai'], ['1', '0,9'], ['2', '5,01'], ['3', '1,265']);
    expect(errorsOf(checkScoreTable(t, PEMDI))).toEqual([
      'Baris 2: Nilai "0,9" tidak sah: tulis angka 1,00 sampai 5,00 dengan paling banyak dua desimal, mis. 1,26.',
      'Baris 3: Nilai "5,01" tidak sah: tulis angka 1,00 sampai 5,00 dengan paling banyak dua desimal, mis. 1,26.',
      'Baris 4: Nilai "1,265" tidak sah: tulis angka 1,00 sampai 5,00 dengan paling banyak dua desimal, mis. 1,26.',
    ]);
  });

  it('derives a value from the indeks_lain column and keeps the index value', () => {
    const t = table(['indikator', 'nilai', 'indeks_lain'], ['5', '', '58,3'], ['6', '', '3,27'], ['10', '2,10', '70']);
    expect(rowsOf(checkScoreTable(t, PEMDI))).toEqual([
      { rowNo: 2, indicatorNo: 5, value: 300, note: null, external: { source: 'SDI', raw: 5_830, derived: 300 } },
      { rowNo: 3, indicatorNo: 6, value: 327, note: null, external: { source: 'SJIG', raw: 327, derived: 327 } },
      { rowNo: 4, indicatorNo: 10, value: 210, note: null, external: { source: 'IKASANDI', raw: 7_000, derived: null } },
    ]);
  });

  it('refuses an index value on an indicator without one, a bad one, and a value that contradicts it', () => {
    const t = table(['indikator', 'nilai', 'indeks_lain'], ['1', '2', '50'], ['5', '', '120'], ['7', '4,00', '1,9']);
    expect(errorsOf(checkScoreTable(t, PEMDI))).toEqual([
      'Baris 2: indikator 1 tidak memakai indeks instansi lain; kosongkan kolom indeks_lain.',
      'Baris 3: Nilai SDI "120" tidak sah: tulis angka 0 sampai 100 dengan paling banyak dua desimal.',
      'Baris 4: nilai 4,00 tidak cocok dengan EPSS 1,9, yang memberi 2,00; isi salah satu saja.',
    ]);
  });

  it('records a reference-only index value alone, without an indicator value', () => {
    const t = table(['indikator', 'nilai', 'indeks_lain'], ['11', '', '65']);
    expect(rowsOf(checkScoreTable(t, PEMDI))).toEqual([
      { rowNo: 2, indicatorNo: 11, value: null, note: null, external: { source: 'IKASANDI', raw: 6_500, derived: null } },
    ]);
  });
});
