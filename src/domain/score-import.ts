// Validates an uploaded table of levels (header `indikator,tingkat[,catatan]`) before anything
// is written: every bad row is reported with its spreadsheet row number, and an import with any
// bad row applies nothing.

export interface TableRow {
  /** the row number a person sees in the spreadsheet (the header is row 1) */
  rowNo: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export interface ScoreRow {
  rowNo: number;
  indicatorNo: number;
  level: number;
  note: string | null;
}

export type ScoreImportCheck =
  | { ok: true; rows: ScoreRow[] }
  | { ok: false; errors: string[] };

const NOTE_MAX = 1_000;

/** The column of the first name, in order of preference, that the header has: in a table headed
 *  `No,Indikator,Tingkat` the running number "No" is not the indicator. */
function columnIndex(header: string[], names: string[]): number {
  const normal = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const at = normal.indexOf(name);
    if (at >= 0) return at;
  }
  return -1;
}

/** "12", "012", "12.0" (what a spreadsheet number cell becomes) → 12; anything else → null. */
export function parseWholeNumber(text: string): number | null {
  const match = /^0*(\d{1,4})(?:[.,]0+)?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

export function checkScoreTable(table: Table, indicatorNos: readonly number[]): ScoreImportCheck {
  const iNo = columnIndex(table.header, ['indikator', 'no_indikator', 'indicator', 'no']);
  const iLevel = columnIndex(table.header, ['tingkat', 'level', 'nilai']);
  const iNote = columnIndex(table.header, ['catatan', 'note', 'keterangan']);
  const missingCols = [iNo < 0 ? 'indikator' : null, iLevel < 0 ? 'tingkat' : null].filter(Boolean);
  if (missingCols.length > 0) {
    return {
      ok: false,
      errors: [`Baris 1: kolom ${missingCols.join(' dan ')} tidak ditemukan; baris judul harus memuat indikator,tingkat (opsional catatan).`],
    };
  }
  const known = new Set(indicatorNos);
  const range = indicatorNos.length > 0 ? ` (nomor ${Math.min(...indicatorNos)}–${Math.max(...indicatorNos)})` : '';
  const seen = new Map<number, number>();
  const errors: string[] = [];
  const rows: ScoreRow[] = [];
  for (const { rowNo, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const rawNo = cells[iNo]?.trim() ?? '';
    const rawLevel = cells[iLevel]?.trim() ?? '';
    const note = iNote >= 0 ? (cells[iNote]?.trim() ?? '') : '';
    const no = parseWholeNumber(rawNo);
    const level = parseWholeNumber(rawLevel);
    const before = errors.length;
    if (no === null || !known.has(no)) {
      errors.push(`Baris ${rowNo}: indikator "${rawNo}" tidak dikenal${range}.`);
    } else if (seen.has(no)) {
      errors.push(`Baris ${rowNo}: indikator ${no} sudah ada di baris ${seen.get(no)}.`);
    }
    if (level === null || level < 1 || level > 5) {
      errors.push(`Baris ${rowNo}: tingkat "${rawLevel}" harus bilangan bulat 1–5.`);
    }
    if (note.length > NOTE_MAX) errors.push(`Baris ${rowNo}: catatan lebih dari ${NOTE_MAX} karakter.`);
    if (no !== null && !seen.has(no)) seen.set(no, rowNo);
    if (errors.length === before) rows.push({ rowNo, indicatorNo: no!, level: level!, note: note || null });
  }
  if (errors.length === 0 && rows.length === 0) return { ok: false, errors: ['Berkas tidak berisi baris nilai.'] };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
