import { describe, expect, it } from 'vitest';
import type { ChecklistImportCheck, ChecklistImportContext } from './checklist-import.ts';
import { assigneeKey, CHECKLIST_COLUMNS, checkChecklistTable, TITLE_MAX, unguardCell } from './checklist-import.ts';
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
