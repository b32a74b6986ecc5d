// Why a table file is refused, in Indonesian: callers show the message as it is
// ("Berkas tidak dapat dibaca: …"), so each one says what to change in the file.
import {
  MAX_CSV_BYTES, MAX_CSV_ROW_CHARS, MAX_MERGED_RANGES, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_XLSX_UNPACKED_BYTES,
} from './table-limits.ts';

export class TableFileError extends Error {}

/** 60000 → "60.000" */
const n = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const mb = (bytes: number) => `${n(Math.round(bytes / 1024 / 1024))} MB`;

/** 1 → "A", 50 → "AX", 16384 → "XFD" */
export function columnLetters(column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

export const tableTexts = {
  xlsxBroken: 'Berkas XLSX tidak dapat dibuka (rusak atau bukan .xlsx).',
  xlsxNoSheet: 'Berkas XLSX tidak memiliki lembar kerja.',
  csvUnreadable: (why: string) => `Berkas CSV tidak dapat dibaca: ${why}`,
  csvQuoteNotClosed: (rowNo: number) => `tanda kutip (") tidak ditutup (baris ${rowNo}).`,
  unsupported: (name: string) => `Jenis berkas "${name}" tidak didukung; gunakan .csv atau .xlsx.`,
  csvTooLarge: `Berkas CSV lebih besar dari ${mb(MAX_CSV_BYTES)}; bagi menjadi beberapa berkas.`,
  xlsxTooLarge: `Isi berkas XLSX lebih besar dari ${mb(MAX_XLSX_UNPACKED_BYTES)} setelah dibuka; bagi menjadi beberapa berkas.`,
  csvTooManyRows: `Berkas CSV memuat lebih dari ${n(MAX_TABLE_ROWS)} baris; bagi menjadi beberapa berkas.`,
  xlsxTooManyRows: `Berkas XLSX memuat lebih dari ${n(MAX_TABLE_ROWS)} baris (semua lembar kerja dihitung); bagi menjadi beberapa berkas.`,
  csvTooManyCells: `Berkas CSV memuat lebih dari ${n(MAX_TABLE_CELLS)} sel, termasuk sel kosong; ` +
    'hapus kolom yang tidak dipakai, atau bagi menjadi beberapa berkas.',
  xlsxTooManyCells: `Berkas XLSX memuat lebih dari ${n(MAX_TABLE_CELLS)} sel, termasuk sel kosong yang diformat dan sel gabungan; ` +
    'hapus baris dan kolom yang tidak dipakai, atau bagi menjadi beberapa berkas.',
  beyondLastColumn: (rowNo: number, column: number) =>
    `Baris ${rowNo} berisi data di kolom ${columnLetters(column)}; hanya kolom A sampai ${columnLetters(MAX_TABLE_COLUMNS)} ` +
    `(${MAX_TABLE_COLUMNS} kolom) yang dibaca. Hapus isi di kanan kolom ${columnLetters(MAX_TABLE_COLUMNS)}.`,
  rowTooLong: (rowNo: number) =>
    `Baris ${rowNo} lebih panjang dari ${n(MAX_CSV_ROW_CHARS)} karakter; periksa tanda kutip (") yang tidak ditutup.`,
  tooManyMerges: `Berkas XLSX memuat lebih dari ${n(MAX_MERGED_RANGES)} sel gabungan (merge); pisahkan sel gabungan yang tidak perlu.`,
  tooManyRangeCells: 'Validasi data atau nama rentang (Name Manager) di berkas XLSX mencakup terlalu banyak sel; batasi ke baris yang dipakai.',
  xlsxTooComplex: 'Berkas XLSX terlalu rumit untuk dibaca (terlalu banyak format, bagian, atau unsur); salin datanya ke buku kerja baru.',
};
