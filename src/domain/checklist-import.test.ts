import { describe, expect, it } from 'vitest';
import type { ChecklistImportCheck, ChecklistImportContext } from './checklist-import.ts';
import {
  assigneeKey, CHECKLIST_COLUMNS, CHECKLIST_IMPORT_MAX_ROWS, checkChecklistTable, checkChecklistTableYielding, groupDigits, TITLE_MAX, unguardCell,
} from './checklist-import.ts';
import type { Table } from './score-import.ts';

const CONTEXT: ChecklistImportContext = {
  opdCodes: new Set(['bappeda', 'diskominfo', 'biro-hukum']),
  indicatorNos: Array.from({ length: 47 }, (_, i) => i + 1),
  assignees: new Map([['budi', 11], ['900002', 11], ['rina_k', 12], ['900001', 12]]),
  statuses: ['belum', 'proses', 'diajukan', 'selesai', 'revisi', 'dibatalkan'],
};
const HEADER = [...CHECKLIST_COLUMNS];

/** A table as the file readers give it: the header is row 1, data rows follow from row 2. */
function table(header: string[], ...rows: string[][]): Table {
  return { header, rows: rows.map((cells, i) => ({ rowNo: i + 2, cells })) };
}

function rowsOf(check: ChecklistImportCheck) {
  if (!check.ok) throw new Error(`expected rows, got ${JSON.stringify(check.errors)}`);
  return check.rows;
}

function errorsOf(check: ChecklistImportCheck): string[] {
  if (check.ok) throw new Error(`expected a refusal, got ${JSON.stringify(check.rows)}`);
  return check.errors;
}

describe('checkChecklistTable: good tables', () => {
  it('reads every column into typed values, with the row number', () => {
    const rows = rowsOf(checkChecklistTable(table(HEADER,
      ['34', 'Bappeda', '012', 'Penilaian Dokumen', '3', 'SK Tim SPBE', 'ditandatangani Gubernur', '29-10-2024', '@Budi', 'Proses'],
      ['', 'diskominfo', '', '', '', 'Daftar aplikasi', '', '2024-09-30', '900001', ''],
      ['', 'biro-hukum', '44', 'dokumen', '', 'Tangkapan layar JDIH', '', '29 Oktober 2024', 'rina_k', 'belum'],
    ), CONTEXT));
    expect(rows).toEqual([
      {
        rowNo: 2, id: 34, opdCode: 'bappeda', indicatorNo: 12, stage: 'dokumen', level: 3, title: 'SK Tim SPBE',
        description: 'ditandatangani Gubernur', dueDate: '2024-10-29', assigneeId: 11, status: 'proses',
      },
      {
        rowNo: 3, id: null, opdCode: 'diskominfo', indicatorNo: null, stage: null, level: null, title: 'Daftar aplikasi',
        description: null, dueDate: '2024-09-30', assigneeId: 12,
      },
      {
        rowNo: 4, id: null, opdCode: 'biro-hukum', indicatorNo: 44, stage: 'dokumen', level: null, title: 'Tangkapan layar JDIH',
        description: null, dueDate: '2024-10-29', assigneeId: 12, status: 'belum',
      },
    ]);
  });

  it('leaves a field the file has no column for undefined, so an update keeps it', () => {
    const [row] = rowsOf(checkChecklistTable(table(['ID', 'OPD', 'Judul', 'Indikator Nama'], ['7', 'bappeda', 'Judul baru', 'x']), CONTEXT));
    expect(row).toEqual({ rowNo: 2, id: 7, opdCode: 'bappeda', title: 'Judul baru' });
    expect(row && 'dueDate' in row).toBe(false);
  });

  it('accepts "penanggung jawab" with a space, skips blank rows and strips the CSV formula guard', () => {
    const rows = rowsOf(checkChecklistTable(table(['opd', 'judul', 'Penanggung Jawab'],
      ['bappeda', "'=SUM(A1)", "'@budi"],
      ['', '', ''],
      ['bappeda', "'-- catatan", ''],
    ), CONTEXT));
    expect(rows.map((r) => [r.rowNo, r.title, r.assigneeId])).toEqual([[2, '=SUM(A1)', 11], [4, '-- catatan', null]]);
  });
});

describe('checkChecklistTable: refusals', () => {
  it('refuses due dates outside the evaluation year and the next when the context bounds them', () => {
    const bounded = { ...CONTEXT, dueDates: { first: { year: 2024, month: 1, day: 1 }, last: { year: 2025, month: 12, day: 31 } } };
    const rows = (...dates: string[]) => table(['opd', 'judul', 'tenggat'], ...dates.map((d) => ['bappeda', 'Unggah SK', d]));
    expect(errorsOf(checkChecklistTable(rows('01-01-0001', '2024-01-01', '31-12-9999', '31-12-2023'), bounded))).toEqual([
      'Baris 2: tenggat 1 Januari 1 di luar masa evaluasi: pilih tanggal antara 1 Januari 2024 dan 31 Desember 2025.',
      'Baris 4: tenggat 31 Desember 9999 di luar masa evaluasi: pilih tanggal antara 1 Januari 2024 dan 31 Desember 2025.',
      'Baris 5: tenggat 31 Desember 2023 di luar masa evaluasi: pilih tanggal antara 1 Januari 2024 dan 31 Desember 2025.',
    ]);
    expect(rowsOf(checkChecklistTable(rows('1 Januari 2024', '31-12-2025'), bounded)).map((r) => r.dueDate)).toEqual(['2024-01-01', '2025-12-31']);
  });

  it('requires the opd and judul columns', () => {
    expect(errorsOf(checkChecklistTable(table(['indikator', 'tenggat'], ['1', '2024-10-29']), CONTEXT))).toEqual([
      'Baris 1: kolom opd dan judul tidak ditemukan; baris judul harus memuat id, opd, indikator, tahap, tingkat, judul, deskripsi, tenggat, penanggung_jawab, status (opd dan judul wajib).',
    ]);
  });

  it('reports every bad row with its number, and returns no rows', () => {
    const errors = errorsOf(checkChecklistTable(table(HEADER,
      ['', 'bappeda', '12', 'dokumen', '3', 'Baris baik', '', '', '', ''],
      ['', 'dinsos', '48', 'tahap9', '6', 'x', '', '31-02-2024', '@siapa', 'beres'],
      ['abc', '', '', '', '2', '', '', 'besok', '', ''],
      ['5', 'bappeda', '', '', '', 'pertama', '', '', '', ''],
      ['5', 'bappeda', '', '', '0', 'y'.repeat(TITLE_MAX + 1), '', '', '123', ''],
    ), CONTEXT));
    expect(errors).toEqual([
      'Baris 3: OPD "dinsos" tidak dikenal di workspace ini.',
      'Baris 3: indikator "48" tidak dikenal (nomor 1–47).',
      'Baris 3: tahap "tahap9" tidak dikenal; pilihan: mandiri, dokumen, interviu, visitasi, final.',
      'Baris 3: tingkat "6" harus bilangan bulat 1–5.',
      'Baris 3: tenggat "31-02-2024" bukan tanggal yang sah (mis. 29-10-2024, 2024-10-29 atau 29 Oktober 2024).',
      'Baris 3: penanggung jawab "@siapa" bukan anggota workspace ini (tulis @username atau id Telegram).',
      'Baris 3: status "beres" tidak dikenal; pilihan: belum, proses, diajukan, selesai, revisi, dibatalkan.',
      'Baris 4: id "abc" harus nomor butir ceklis (bilangan bulat), atau kosong untuk butir baru.',
      'Baris 4: OPD wajib diisi (kode OPD, mis. bappeda).',
      'Baris 4: tingkat diisi tetapi indikator kosong.',
      'Baris 4: judul wajib diisi.',
      'Baris 4: tenggat "besok" bukan tanggal yang sah (mis. 29-10-2024, 2024-10-29 atau 29 Oktober 2024).',
      'Baris 6: id 5 sudah ada di baris 5.',
      'Baris 6: tingkat "0" harus bilangan bulat 1–5.',
      `Baris 6: judul lebih dari ${TITLE_MAX} karakter.`,
      'Baris 6: penanggung jawab "123" bukan anggota workspace ini (tulis @username atau id Telegram).',
    ]);
  });

  it('refuses a table without rows', () => {
    expect(errorsOf(checkChecklistTable(table(HEADER, ['', '', '']), CONTEXT))).toEqual(['Berkas tidak berisi baris ceklis.']);
  });
});

describe('large tables', () => {
  const many = (n: number) => table(['opd', 'judul'], ...Array.from({ length: n }, (_, i) => ['bappeda', `Butir ${i + 1}`]));

  it(`takes ${CHECKLIST_IMPORT_MAX_ROWS} rows and refuses one more, blank rows not counted`, () => {
    expect(rowsOf(checkChecklistTable(many(CHECKLIST_IMPORT_MAX_ROWS), CONTEXT))).toHaveLength(CHECKLIST_IMPORT_MAX_ROWS);
    const withBlanks = many(CHECKLIST_IMPORT_MAX_ROWS);
    withBlanks.rows.push({ rowNo: 60_000, cells: ['', ' '] });
    expect(checkChecklistTable(withBlanks, CONTEXT).ok).toBe(true);
    expect(errorsOf(checkChecklistTable(many(CHECKLIST_IMPORT_MAX_ROWS + 1), CONTEXT))).toEqual([
      'Berkas berisi 50 001 baris ceklis; satu impor paling banyak 50 000 baris. Bagi menjadi beberapa berkas, lalu kirim satu per satu.',
    ]);
  });

  it('the yielding check pauses between slices and gives the same answer', async () => {
    const t = many(2_500);
    t.rows[2_000]!.cells[0] = 'dinas-x';
    let pauses = 0;
    const check = await checkChecklistTableYielding(t, CONTEXT, async () => { pauses++; }, 1_000);
    expect(check).toEqual(checkChecklistTable(t, CONTEXT));
    expect(errorsOf(check)).toEqual(['Baris 2002: OPD "dinas-x" tidak dikenal di workspace ini.']);
    expect(pauses).toBe(2);
  });

  it('groupDigits groups thousands with a space', () => {
    expect([groupDigits(7), groupDigits(1_500), groupDigits(50_000), groupDigits(1_234_567)]).toEqual(['7', '1 500', '50 000', '1 234 567']);
  });
});

describe('helpers', () => {
  it('assigneeKey reads @username in any case and Telegram ids', () => {
    expect(assigneeKey(' @Budi_S ')).toBe('budi_s');
    expect(assigneeKey('900002')).toBe('900002');
  });
  it('unguardCell removes only the apostrophe a CSV export put before a formula character', () => {
    expect(unguardCell("'@budi")).toBe('@budi');
    expect(unguardCell("'=1+1")).toBe('=1+1');
    expect(unguardCell("'tanda kutip")).toBe("'tanda kutip");
  });
});
