// Writes the checklist as a spreadsheet people edit and send back: the import columns first (so
// the file re-imports unchanged through readTableFile), read-only information after them.
// XLSX keeps real types (numbers, a date for the deadline); CSV is what Indonesian Excel opens
// with a double click: UTF-8 with a byte-order mark and ";" between cells.
import ExcelJS from 'exceljs';
import type { ChecklistSheetRow } from '../domain/checklist-import.ts';
import { CHECKLIST_COLUMNS, CHECKLIST_INFO_COLUMNS } from '../domain/checklist-import.ts';
import { ITEM_STATUSES } from '../domain/checklists.ts';
import { formatDateTimeId, parseIsoDate } from '../domain/dates.ts';
import { STAGES } from '../domain/stages.ts';

export interface ChecklistWorkbookMeta {
  workspaceName: string;
  year: number;
  frameworkName: string;
  timeZone: string;
  exportedAt: Date;
}

const HEADER = [...CHECKLIST_COLUMNS, ...CHECKLIST_INFO_COLUMNS];
const WIDTHS = [8, 18, 11, 11, 9, 55, 60, 13, 20, 12, 50, 28];
/** room for rows added by hand, so the drop-down lists are there too */
const SPARE_ROWS = 200;

const HELP: [string, string, string][] = [
  ['id', 'tidak', 'Nomor butir ceklis. Jangan diubah; kosongkan untuk butir baru.'],
  ['opd', 'ya', 'Kode OPD pemilik butir, mis. bappeda (lihat: npm run cli -- opd list).'],
  ['indikator', 'tidak', 'Nomor indikator yang dibuktikan, mis. 12.'],
  ['tahap', 'tidak', `Tahap evaluasi: ${STAGES.join(', ')}.`],
  ['tingkat', 'tidak', 'Tingkat indikator (1–5) yang dibuktikan butir ini.'],
  ['judul', 'ya', 'Apa yang harus diserahkan, paling banyak 200 karakter.'],
  ['deskripsi', 'tidak', 'Penjelasan atau contoh bukti dukung.'],
  ['tenggat', 'tidak', 'Tanggal tenggat, mis. 29-10-2024 atau 29 Oktober 2024; kosong = tenggat tahapnya.'],
  ['penanggung_jawab', 'tidak', '@username Telegram atau id Telegram anggota workspace.'],
  ['status', 'tidak', `${ITEM_STATUSES.join(', ')}; kosong = tidak berubah (butir baru: belum).`],
  ['indikator_nama', '–', 'Hanya informasi: nama indikator. Tidak dibaca saat impor.'],
  ['diperbarui', '–', 'Hanya informasi: kapan butir terakhir diubah. Tidak dibaca saat impor.'],
];

/** The cells of one row, in HEADER order, with the types a spreadsheet should hold. */
function rowValues(row: ChecklistSheetRow, timeZone: string): (string | number | Date | null)[] {
  const due = row.dueDate === null ? null : parseIsoDate(row.dueDate);
  return [
    row.id, row.opd, row.indicatorNo, row.stage, row.level, row.title, row.description,
    // midnight UTC: exceljs stores a date as a UTC serial, and readTableFile reads it back as UTC
    due === null ? row.dueDate : new Date(Date.UTC(due.year, due.month - 1, due.day)),
    row.assignee, row.status, row.indicatorName, formatDateTimeId(row.updatedAt, timeZone),
  ];
}

export async function writeChecklistXlsx(rows: readonly ChecklistSheetRow[], meta: ChecklistWorkbookMeta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'spbe-bot';
  workbook.created = meta.exportedAt;
  const sheet = workbook.addWorksheet('Ceklis', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADER.map((header, i) => ({ header, key: header, width: WIDTHS[i] ?? 12 }));
  for (const row of rows) sheet.addRow(rowValues(row, meta.timeZone));

  const infoFrom = CHECKLIST_COLUMNS.length + 1;
  sheet.getColumn('tenggat').numFmt = 'dd-mm-yyyy';
  for (let c = infoFrom; c <= HEADER.length; c++) {
    const column = sheet.getColumn(c);
    column.font = { italic: true, color: { argb: 'FF666666' } };
    column.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  }
  // after the column styles, which would otherwise turn the header italic too
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: HEADER.length } };

  const at = (name: string) => HEADER.indexOf(name as (typeof HEADER)[number]) + 1;
  const list = (values: readonly string[]): ExcelJS.DataValidation => ({
    type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`],
    showErrorMessage: true, errorTitle: 'Nilai tidak dikenal', error: `Pilih salah satu: ${values.join(', ')}.`,
  });
  for (let r = 2; r <= rows.length + 1 + SPARE_ROWS; r++) {
    sheet.getCell(r, at('status')).dataValidation = list(ITEM_STATUSES);
    sheet.getCell(r, at('tahap')).dataValidation = list(STAGES);
    sheet.getCell(r, at('tingkat')).dataValidation = {
      type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 5],
      showErrorMessage: true, errorTitle: 'Tingkat tidak sah', error: 'Tingkat adalah bilangan bulat 1–5.',
    };
  }

  const help = workbook.addWorksheet('Petunjuk');
  help.columns = [{ width: 20 }, { width: 8 }, { width: 90 }];
  help.addRow([`Ceklis ${meta.workspaceName} ${meta.year} — ${meta.frameworkName}`]).font = { bold: true, size: 13 };
  help.addRow([`Diekspor ${formatDateTimeId(meta.exportedAt, meta.timeZone)}. Ubah lembar "Ceklis", simpan sebagai .xlsx atau .csv, lalu impor:`]);
  help.addRow(['npm run cli -- checklist import --workspace <slug> --file <berkas> --dry-run (uji coba dulu, tanpa menyimpan)']);
  help.addRow(['Impor menerapkan semua baris atau tidak sama sekali; setiap baris yang salah disebut nomornya.']);
  help.addRow([]);
  help.addRow(['Kolom', 'Wajib', 'Isi']).font = { bold: true };
  for (const line of HELP) help.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Text a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe; the import strips it. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeChecklistCsv(rows: readonly ChecklistSheetRow[], timeZone = 'Asia/Jakarta'): string {
  const lines = [HEADER.map(csvCell).join(';')];
  for (const row of rows) {
    lines.push(rowValues(row, timeZone)
      .map((v) => csvCell(v instanceof Date ? row.dueDate : v))
      .join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
