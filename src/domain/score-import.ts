// Validates an uploaded table of values (header `indikator,tingkat[,catatan][,indeks_lain]`)
// before anything is written: every bad row is reported with its spreadsheet row number, and an
// import with any bad row applies nothing. SPBE takes whole levels 1–5; Pemdi values 1,00–5,00
// (values.ts). The optional `indeks_lain` column carries another agency's index value for the
// indicators that take theirs from one (Pemdi 5–7: SDI, SJIG, EPSS; 10–12: IKASANDI).
import type { FrameworkDef, ValueHundredths } from './framework-types.ts';
import { formatValue, parseExternalValue, parseIndicatorValue } from './values.ts';

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
  /** hundredths; null when the row only records a reference-only external index value */
  value: ValueHundredths | null;
  note: string | null;
  /** another agency's index value (hundredths of its own scale) and what it derives */
  external: { source: string; raw: number; derived: ValueHundredths | null } | null;
}

type ImportFramework = Pick<FrameworkDef, 'indicators' | 'valueDecimals' | 'predicates'>;

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

export function checkScoreTable(table: Table, framework: ImportFramework): ScoreImportCheck {
  const iNo = columnIndex(table.header, ['indikator', 'no_indikator', 'indicator', 'no']);
  const iValue = columnIndex(table.header, ['tingkat', 'level', 'nilai']);
  const iNote = columnIndex(table.header, ['catatan', 'note', 'keterangan']);
  const iExternal = columnIndex(table.header, ['indeks_lain', 'indeks lain', 'nilai_eksternal', 'eksternal']);
  const missingCols = [iNo < 0 ? 'indikator' : null, iValue < 0 ? 'tingkat' : null].filter(Boolean);
  if (missingCols.length > 0) {
    return {
      ok: false,
      errors: [`Baris 1: kolom ${missingCols.join(' dan ')} tidak ditemukan; baris judul harus memuat indikator,tingkat (opsional catatan, indeks_lain).`],
    };
  }
  const indicatorNos = framework.indicators.map((i) => i.no);
  const byNo = new Map(framework.indicators.map((i) => [i.no, i]));
  const range = indicatorNos.length > 0 ? ` (nomor ${Math.min(...indicatorNos)}–${Math.max(...indicatorNos)})` : '';
  const seen = new Map<number, number>();
  const errors: string[] = [];
  const rows: ScoreRow[] = [];
  for (const { rowNo, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const rawNo = cells[iNo]?.trim() ?? '';
    const rawValue = cells[iValue]?.trim() ?? '';
    const rawExternal = iExternal >= 0 ? (cells[iExternal]?.trim() ?? '') : '';
    const note = iNote >= 0 ? (cells[iNote]?.trim() ?? '') : '';
    const no = parseWholeNumber(rawNo);
    const indicator = no === null ? undefined : byNo.get(no);
    const before = errors.length;
    if (!indicator) {
      errors.push(`Baris ${rowNo}: indikator "${rawNo}" tidak dikenal${range}.`);
    } else if (seen.has(indicator.no)) {
      errors.push(`Baris ${rowNo}: indikator ${indicator.no} sudah ada di baris ${seen.get(indicator.no)}.`);
    }
    let external: ScoreRow['external'] = null;
    if (rawExternal !== '' && indicator) {
      const ext = indicator.externalIndex;
      const parsed = ext ? parseExternalValue(ext, rawExternal) : null;
      if (!ext) errors.push(`Baris ${rowNo}: indikator ${indicator.no} tidak memakai indeks instansi lain; kosongkan kolom indeks_lain.`);
      else if (!parsed!.ok) errors.push(`Baris ${rowNo}: ${parsed!.problem}`);
      else external = { source: ext.code, raw: parsed!.raw, derived: parsed!.derived };
    }
    let value: ValueHundredths | null = null;
    if (rawValue !== '') {
      const parsed = parseIndicatorValue(framework, rawValue);
      if (parsed.ok) value = parsed.value;
      else errors.push(`Baris ${rowNo}: ${parsed.problem}`);
    } else if (rawExternal === '') {
      errors.push(`Baris ${rowNo}: ${framework.valueDecimals > 0 ? 'nilai 1,00–5,00' : 'tingkat 1–5'} belum diisi.`);
    }
    if (value !== null && external?.derived != null && value !== external.derived) {
      errors.push(`Baris ${rowNo}: nilai ${formatValue(framework, value)} tidak cocok dengan ${external.source} ` +
        `${rawExternal}, yang memberi ${formatValue(framework, external.derived)}; isi salah satu saja.`);
    }
    if (note.length > NOTE_MAX) errors.push(`Baris ${rowNo}: catatan lebih dari ${NOTE_MAX} karakter.`);
    if (indicator && !seen.has(indicator.no)) seen.set(indicator.no, rowNo);
    if (errors.length === before) {
      rows.push({ rowNo, indicatorNo: indicator!.no, value: value ?? external?.derived ?? null, note: note || null, external });
    }
  }
  if (errors.length === 0 && rows.length === 0) return { ok: false, errors: ['Berkas tidak berisi baris nilai.'] };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
