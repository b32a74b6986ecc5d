import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedFramework } from '../../tests/support/frameworks.ts';
import type { HistoryTableCheck, PastResultFields } from './history-import.ts';
import { checkHistoryTable, checkPastResult, formatPastIndex, predicatesAllowedFor, splitDomainList } from './history-import.ts';
import type { Table } from './score-import.ts';

const FRAMEWORKS = [shippedFramework('spbe-2020'), shippedFramework('pemdi-2026')];
const HEADER = ['tahun', 'indeks', 'predikat', 'kerangka', 'sumber', 'domain_1', 'domain_2', 'domain_3', 'domain_4'];

function table(header: string[], ...rows: string[][]): Table {
  return { header, rows: rows.map((cells, i) => ({ rowNo: i + 2, cells })) };
}

function errorsOf(check: HistoryTableCheck): string[] {
  if (check.ok) throw new Error(`expected a refusal, got ${JSON.stringify(check.rows)}`);
  return check.errors;
}

function rowsOf(check: HistoryTableCheck) {
  if (!check.ok) throw new Error(`expected rows, got ${JSON.stringify(check.errors)}`);
  return check.rows;
}

const one = (cells: Partial<Record<'tahun' | 'indeks' | 'predikat' | 'kerangka', string>>) =>
  checkHistoryTable(table(['tahun', 'indeks', 'predikat', 'kerangka'], [cells.tahun ?? '2023', cells.indeks ?? '2,90', cells.predikat ?? '', cells.kerangka ?? '']), FRAMEWORKS);

describe('checkHistoryTable', () => {
  it('reads the Paser fixture (2018–2024) with domains, predicates and the framework as given', () => {
    const text = readFileSync(new URL('../../tests/fixtures/paser-history.csv', import.meta.url), 'utf8').trim().split('\n');
    const fixture = table(text[0]!.split(';'), ...text.slice(1).map((line) => line.split(';')));
    const check = checkHistoryTable(fixture, FRAMEWORKS);
    expect(check.warnings).toEqual([]);
    const rows = rowsOf(check);
    expect(rows.map((r) => [r.year, r.indexUnits, r.predicate])).toEqual([
      [2018, 18_500, 'Cukup'], [2019, 16_900, 'Kurang'], [2020, 16_900, 'Kurang'], [2021, 13_600, 'Kurang'],
      [2022, 21_300, 'Cukup'], [2023, 29_000, 'Baik'], [2024, 32_700, 'Baik'],
    ]);
    expect(rows[0]).toMatchObject({ frameworkCode: null, domains: [] });
    expect(rows[5]).toMatchObject({ frameworkCode: 'spbe-2020', domains: [{ no: 1, units: 30_000 }, { no: 2, units: 26_000 }, { no: 3, units: 20_000 }, { no: 4, units: 33_700 }] });
    expect(rows[6]!.domains.map((d) => d.units)).toEqual([39_000, 30_000, 23_600, 35_600]);
  });

  it('accepts the exact boundaries 1,00 and 5,00 and refuses 5,01, 0,99 and 2,905', () => {
    expect(rowsOf(one({ indeks: '1,00', predikat: 'Kurang' }))[0]!.indexUnits).toBe(10_000);
    expect(rowsOf(one({ indeks: '5,00', predikat: 'Memuaskan' }))[0]!.indexUnits).toBe(50_000);
    expect(rowsOf(one({ indeks: '5' }))[0]!.indexUnits).toBe(50_000);
    expect(rowsOf(one({ indeks: '2.9' }))[0]!.indexUnits).toBe(29_000);
    expect(errorsOf(one({ indeks: '5,01' }))).toEqual(['Baris 2, kolom indeks: indeks "5,01" di luar rentang 1,00–5,00.']);
    expect(errorsOf(one({ indeks: '0,99' }))).toEqual(['Baris 2, kolom indeks: indeks "0,99" di luar rentang 1,00–5,00.']);
    expect(errorsOf(one({ indeks: '2,905' }))).toEqual([
      'Baris 2, kolom indeks: indeks "2,905" memiliki lebih dari 2 desimal; hasil resmi diterbitkan dengan 2 desimal (mis. 2,91).',
    ]);
    expect(errorsOf(one({ indeks: 'dua' }))[0]).toBe('Baris 2, kolom indeks: indeks "dua" bukan angka; tulis mis. 2,90 (koma atau titik sebagai desimal).');
    expect(errorsOf(one({ indeks: '' }))[0]).toBe('Baris 2, kolom indeks: indeks wajib diisi (mis. 2,90).');
  });

  it('refuses years outside 2018–2100 and accepts a spreadsheet number cell', () => {
    expect(rowsOf(one({ tahun: '2018' }))[0]!.year).toBe(2018);
    expect(rowsOf(one({ tahun: '2100' }))[0]!.year).toBe(2100);
    expect(rowsOf(one({ tahun: '2023.0' }))[0]!.year).toBe(2023);
    expect(errorsOf(one({ tahun: '2017' }))).toEqual(['Baris 2, kolom tahun: tahun "2017" tidak sah; tulis tahun evaluasi 2018–2100 (mis. 2023).']);
    expect(errorsOf(one({ tahun: '2101' }))[0]).toContain('tahun "2101" tidak sah');
    expect(errorsOf(one({ tahun: '' }))[0]).toBe('Baris 2, kolom tahun: tahun wajib diisi (mis. 2023).');
  });

  it('checks the predicate against the year’s bands, allowing a published value that rounds onto a boundary', () => {
    // Paser 2022 as a news article misprinted it: 2,83 is Baik, not Cukup
    expect(errorsOf(one({ tahun: '2022', indeks: '2,83', predikat: 'Cukup' }))).toEqual([
      'Baris 2, kolom predikat: predikat "Cukup" tidak cocok dengan indeks 2,83; menurut rentang kerangka spbe-2020 indeks itu berpredikat Baik (2,6 – < 3,5).',
    ]);
    // 3,50 printed may be 3,4975 unrounded, still Baik (Tabel 13); 3,51 cannot be
    expect(rowsOf(one({ indeks: '3,50', predikat: 'Baik' }))[0]!.predicate).toBe('Baik');
    expect(rowsOf(one({ indeks: '3,50', predikat: 'sangat  baik' }))[0]!.predicate).toBe('Sangat Baik');
    expect(errorsOf(one({ indeks: '3,51', predikat: 'Baik' }))[0]).toContain('berpredikat Sangat Baik (3,5 – < 4,2)');
    // 3,49 printed is below 3,495, so it cannot be Sangat Baik
    expect(errorsOf(one({ indeks: '3,49', predikat: 'Sangat Baik' }))[0]).toContain('berpredikat Baik');
    expect(errorsOf(one({ predikat: 'Bagus' }))).toEqual([
      'Baris 2, kolom predikat: predikat "Bagus" tidak dikenal dalam kerangka spbe-2020; pilihan: Kurang, Cukup, Baik, Sangat Baik, Memuaskan.',
    ]);
    // Pemdi bands differ: 2,50 is Baik there, Cukup under SPBE
    expect(rowsOf(one({ tahun: '2026', indeks: '2,50', predikat: 'Baik' }))[0]).toMatchObject({ predicate: 'Baik' });
    expect(errorsOf(one({ tahun: '2024', indeks: '2,50', predikat: 'Baik' }))[0]).toContain('berpredikat Cukup');
  });

  it('refuses an unknown framework or one not in force that year; earlier years may name the earliest', () => {
    expect(errorsOf(one({ kerangka: 'spbe-2018' }))).toEqual(['Baris 2, kolom kerangka: kerangka "spbe-2018" tidak dikenal; pilihan: spbe-2020, pemdi-2026.']);
    expect(errorsOf(one({ tahun: '2023', kerangka: 'pemdi-2026' }))).toEqual([
      'Baris 2, kolom kerangka: kerangka pemdi-2026 tidak berlaku untuk tahun 2023 (berlaku 2026–sekarang); yang berlaku: spbe-2020.',
    ]);
    expect(errorsOf(one({ tahun: '2026', kerangka: 'spbe-2020' }))[0]).toContain('tidak berlaku untuk tahun 2026 (berlaku 2021–2025); yang berlaku: pemdi-2026');
    expect(rowsOf(one({ tahun: '2019', indeks: '1,69', predikat: 'Kurang', kerangka: 'SPBE-2020' }))[0]).toMatchObject({ frameworkCode: 'spbe-2020' });
  });

  it('checks domain values like the index and against the framework’s domains', () => {
    const check = checkHistoryTable(table(['Tahun', 'Indeks', 'Domain 1', 'Domain 2', 'Domain 3', 'Domain 4', 'Domain 5'],
      ['2023', '2,90', '3,005', '6', '', 'x', '3,00'],
      ['2026', '3,00', '3,00', '', '', '', '']), FRAMEWORKS);
    expect(errorsOf(check)).toEqual([
      'Baris 2, kolom Domain 1: nilai domain 1 "3,005" memiliki lebih dari 2 desimal; hasil resmi diterbitkan dengan 2 desimal (mis. 2,91).',
      'Baris 2, kolom Domain 2: nilai domain 2 "6" di luar rentang 1,00–5,00.',
      'Baris 2, kolom Domain 4: nilai domain 4 "x" bukan angka; tulis mis. 2,90 (koma atau titik sebagai desimal).',
      'Baris 2, kolom Domain 5: kerangka spbe-2020 hanya memiliki domain 1–4.',
      'Baris 3, kolom Domain 1: kerangka pemdi-2026 tidak memiliki domain; kosongkan nilai domain.',
    ]);
  });

  it('warns, without refusing, when all domains do not add up to the index', () => {
    const check = checkHistoryTable(table(HEADER, ['2023', '2,90', 'Baik', '', '', '3,00', '2,60', '2,00', '3,73']), FRAMEWORKS);
    expect(rowsOf(check)).toHaveLength(1);
    expect(check.warnings).toEqual([
      'Baris 2, kolom indeks: indeks 2,90 tidak sesuai dengan nilai domainnya: menurut bobot domain spbe-2020 hasilnya 3,07; periksa kembali angka indeks dan domain.',
    ]);
    // Kaltim 2024, published: 3,70 / 3,50 / 2,82 / 4,32 → 3,79 (3,7869)
    expect(checkHistoryTable(table(HEADER, ['2024', '3,79', 'Sangat Baik', '', '', '3,70', '3,50', '2,82', '4,32']), FRAMEWORKS).warnings).toEqual([]);
  });

  it('refuses a duplicate year, naming both rows, and lists every error of every row', () => {
    const errors = errorsOf(checkHistoryTable(table(['tahun', 'indeks'], ['2023', '2,90'], ['2024', '9'], ['2023', '2,91']), FRAMEWORKS));
    expect(errors).toEqual([
      'Baris 3, kolom indeks: indeks "9" di luar rentang 1,00–5,00.',
      'Baris 4, kolom tahun: tahun 2023 sudah ada di baris 2; setiap tahun hanya boleh satu baris.',
    ]);
  });

  it('refuses a header without tahun and indeks, a repeated column and an empty table', () => {
    expect(errorsOf(checkHistoryTable(table(['year', 'nilai'], ['2023', '2,90']), FRAMEWORKS))).toEqual([
      'Baris judul: kolom indeks tidak ditemukan; baris judul harus memuat tahun,indeks (opsional predikat, kerangka, sumber, domain_1 … domain_4).',
    ]);
    expect(errorsOf(checkHistoryTable(table(['tahun', 'indeks', 'Domain_1', 'domain 1'], ['2023', '2,90']), FRAMEWORKS)))
      .toEqual(['Baris judul: kolom "domain 1" muncul lebih dari sekali.']);
    expect(errorsOf(checkHistoryTable(table(['tahun', 'indeks'], ['', ' ']), FRAMEWORKS))).toEqual(['Berkas tidak berisi baris riwayat (tahun dan indeks).']);
  });

  it('keeps the source and ignores columns it does not know', () => {
    const rows = rowsOf(checkHistoryTable(table(['No', 'tahun', 'indeks', 'sumber'], ['1', '2024', '3,27', ' LHE KemenPANRB ']), FRAMEWORKS));
    expect(rows[0]).toEqual({ rowNo: 2, year: 2024, indexUnits: 32_700, predicate: null, frameworkCode: null, source: 'LHE KemenPANRB', domains: [] });
    expect(errorsOf(checkHistoryTable(table(['tahun', 'indeks', 'sumber'], ['2024', '3,27', 'x'.repeat(301)]), FRAMEWORKS)))
      .toEqual(['Baris 2, kolom sumber: sumber lebih dari 300 karakter.']);
  });
});

describe('checkPastResult at the command line', () => {
  const fields = (over: Partial<PastResultFields>): PastResultFields =>
    ({ year: '2023', index: '2,90', predicate: '', framework: '', source: '', domains: new Map(), ...over });
  const option = (field: string) => `opsi --${{ tahun: 'year', indeks: 'index', predikat: 'predicate' }[field] ?? field}`;

  it('names the option in each error', () => {
    const checked = checkPastResult(fields({ year: '1999', index: '3,333' }), FRAMEWORKS, option);
    expect(checked.result).toBeNull();
    expect(checked.errors).toEqual([
      'opsi --year: tahun "1999" tidak sah; tulis tahun evaluasi 2018–2100 (mis. 2023).',
      'opsi --index: indeks "3,333" memiliki lebih dari 2 desimal; hasil resmi diterbitkan dengan 2 desimal (mis. 2,91).',
    ]);
  });

  it('reads --domains written with slashes', () => {
    const checked = checkPastResult(fields({ domains: splitDomainList('3,00/2,60/-/3,37') }), FRAMEWORKS, option);
    expect(checked.result?.domains).toEqual([{ no: 1, units: 30_000 }, { no: 2, units: 26_000 }, { no: 4, units: 33_700 }]);
  });
});

describe('predicatesAllowedFor and formatPastIndex', () => {
  const bands = FRAMEWORKS[0]!.predicates;
  it('allows the band below when the published value is a band’s lower bound', () => {
    expect(predicatesAllowedFor(bands, 35_000)).toEqual(['Baik', 'Sangat Baik']);
    expect(predicatesAllowedFor(bands, 34_900)).toEqual(['Baik']);
    expect(predicatesAllowedFor(bands, 10_000)).toEqual(['Kurang']);
    expect(predicatesAllowedFor(bands, 50_000)).toEqual(['Memuaskan']);
  });
  it('writes two decimals with a comma', () => {
    expect(formatPastIndex(29_000)).toBe('2,90');
    expect(formatPastIndex(50_000)).toBe('5,00');
  });
});
