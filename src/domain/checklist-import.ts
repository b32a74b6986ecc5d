// Validates an uploaded checklist table (the sheet `checklist export` writes, edited in a
// spreadsheet) before anything is written: every bad row is reported as "Baris N: …" with its
// spreadsheet row number, and a table with any bad row applies nothing (docs/product.md).
import type { DateRange } from './dates.ts';
import { formatDateId, formatIsoDate, isDateInRange, parseDateInput, parseIsoDate } from './dates.ts';
import { excerpt } from './excerpt.ts';
import type { Table } from './score-import.ts';
import { parseWholeNumber } from './score-import.ts';
import type { Stage } from './stages.ts';
import { parseStage, STAGES } from './stages.ts';

/** The columns an import reads, in the order an export writes them. */
export const CHECKLIST_COLUMNS = [
  'id', 'opd', 'indikator', 'tahap', 'tingkat', 'judul', 'deskripsi', 'tenggat', 'penanggung_jawab', 'status',
] as const;
/** Shown after the import columns for reading only; an import ignores them. */
export const CHECKLIST_INFO_COLUMNS = ['indikator_nama', 'diperbarui'] as const;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4_000;

/**
 * The most rows one import takes (a whole checklist of a large government: 80 OPDs × 600 items
 * fit). It is the size the import is measured at: applying it takes seconds, in small steps
 * between which the bot goes on answering (src/db/checklist-staging.ts, docs/benchmarks.md).
 */
export const CHECKLIST_IMPORT_MAX_ROWS = 50_000;

/** Rows checked between two pauses of the yielding check. */
export const CHECK_SLICE_ROWS = 1_000;

/** 50000 → "50 000": counts in messages, grouped so that no one reads them as decimals. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** One stored item as the checklist sheet shows it. */
export interface ChecklistSheetRow {
  id: number;
  opd: string;
  indicatorNo: number | null;
  stage: string | null;
  level: number | null;
  title: string;
  description: string | null;
  /** "YYYY-MM-DD" */
  dueDate: string | null;
  /** "@username", or the Telegram id of a person without one */
  assignee: string | null;
  status: string;
  indicatorName: string | null;
  updatedAt: Date;
}

/**
 * A valid row. `id` null = a new item. A field left undefined had no column in the file, so an
 * update keeps it; null means the cell was empty and clears it. An empty status keeps an item's
 * status (a new item starts at belum).
 */
export interface ChecklistImportRow {
  rowNo: number;
  id: number | null;
  opdCode: string;
  title: string;
  indicatorNo?: number | null;
  stage?: Stage | null;
  level?: number | null;
  description?: string | null;
  dueDate?: string | null;
  assigneeId?: number | null;
  status?: string;
}

export interface ChecklistImportContext {
  opdCodes: ReadonlySet<string>;
  indicatorNos: readonly number[];
  /** what people write for an assignee (see assigneeKey) → person id; members of the workspace only */
  assignees: ReadonlyMap<string, number>;
  statuses: readonly string[];
  /** the due dates the evaluation allows (its year and the next); any date when absent */
  dueDates?: DateRange;
}

export type ChecklistImportCheck =
  | { ok: true; rows: ChecklistImportRow[] }
  | { ok: false; errors: string[] };

type Column = (typeof CHECKLIST_COLUMNS)[number];

const ALIASES: Record<Column, string[]> = {
  id: ['id'],
  opd: ['opd', 'kode_opd'],
  indikator: ['indikator', 'no_indikator'],
  tahap: ['tahap', 'tahapan'],
  tingkat: ['tingkat', 'level'],
  judul: ['judul'],
  deskripsi: ['deskripsi', 'keterangan'],
  tenggat: ['tenggat', 'batas_waktu'],
  penanggung_jawab: ['penanggung_jawab', 'pj'],
  status: ['status'],
};

/** "@Budi_S" → "budi_s"; a Telegram id stays as typed. Usernames are case-insensitive in Telegram. */
export function assigneeKey(text: string): string {
  return text.trim().replace(/^@/, '').toLowerCase();
}

/** A CSV export guards cells that a spreadsheet would run as a formula with a leading apostrophe. */
export function unguardCell(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function columnIndexes(header: string[]): Partial<Record<Column, number>> {
  const normal = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const found: Partial<Record<Column, number>> = {};
  for (const column of CHECKLIST_COLUMNS) {
    const at = ALIASES[column].map((name) => normal.indexOf(name)).find((i) => i >= 0);
    if (at !== undefined) found[column] = at;
  }
  return found;
}

/** Every row is checked; a table with any bad row gives its errors and no rows. */
export function checkChecklistTable(table: Table, context: ChecklistImportContext): ChecklistImportCheck {
  const steps = checkSteps(table, context, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * checkChecklistTable for large tables: `pause` is awaited after every `slice` rows, so a caller
 * on an event loop lets other work run (the check of 50 000 rows takes ~0.2 s in all).
 */
export async function checkChecklistTableYielding(table: Table, context: ChecklistImportContext, pause: () => Promise<void>,
  slice = CHECK_SLICE_ROWS): Promise<ChecklistImportCheck> {
  const steps = checkSteps(table, context, slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The check, yielding after every `slice` rows. */
function* checkSteps(table: Table, context: ChecklistImportContext, slice: number): Generator<void, ChecklistImportCheck> {
  const filled = table.rows.reduce((n, row) => (isBlankRow(row.cells) ? n : n + 1), 0);
  if (filled > CHECKLIST_IMPORT_MAX_ROWS) {
    return {
      ok: false,
      errors: [`Berkas berisi ${groupDigits(filled)} baris ceklis; satu impor paling banyak ${groupDigits(CHECKLIST_IMPORT_MAX_ROWS)} baris. Bagi menjadi beberapa berkas, lalu kirim satu per satu.`],
    };
  }
  const col = columnIndexes(table.header);
  const missing = (['opd', 'judul'] as const).filter((c) => col[c] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [`Baris 1: kolom ${missing.join(' dan ')} tidak ditemukan; baris judul harus memuat ${CHECKLIST_COLUMNS.join(', ')} (opd dan judul wajib).`],
    };
  }
  const indicators = new Set(context.indicatorNos);
  const range = indicators.size > 0 ? ` (nomor ${Math.min(...indicators)}–${Math.max(...indicators)})` : '';
  const seenIds = new Map<number, number>();
  const errors: string[] = [];
  const rows: ChecklistImportRow[] = [];

  let sinceYield = 0;
  for (const { rowNo, cells } of table.rows) {
    if (++sinceYield >= slice) {
      sinceYield = 0;
      yield;
    }
    if (isBlankRow(cells)) continue;
    const problems: string[] = [];
    /** the cell's text, or undefined when the file has no such column */
    const cell = (c: Column): string | undefined => {
      const at = col[c];
      return at === undefined ? undefined : unguardCell(cells[at]?.trim() ?? '').trim();
    };
    /** undefined (no column), null (empty cell) or the parsed value; `bad` records the message */
    const field = <T>(c: Column, parse: (text: string) => T | null, bad: (text: string) => string): T | null | undefined => {
      const text = cell(c);
      if (text === undefined) return undefined;
      if (text === '') return null;
      const value = parse(text);
      if (value === null) problems.push(bad(excerpt(text)));
      return value;
    };

    const id = field('id', (t) => {
      const n = parseWholeNumber(t);
      return n !== null && n > 0 ? n : null;
    }, (t) => `id "${t}" harus nomor butir ceklis (bilangan bulat), atau kosong untuk butir baru.`) ?? null;
    if (id !== null && seenIds.has(id)) problems.push(`id ${id} sudah ada di baris ${seenIds.get(id)}.`);

    const opdText = cell('opd') ?? '';
    const opdCode = opdText.toLowerCase();
    if (opdText === '') problems.push('OPD wajib diisi (kode OPD, mis. bappeda).');
    else if (!context.opdCodes.has(opdCode)) problems.push(`OPD "${excerpt(opdText)}" tidak dikenal di workspace ini.`);

    const indicatorNo = field('indikator', (t) => {
      const n = parseWholeNumber(t);
      return n !== null && indicators.has(n) ? n : null;
    }, (t) => `indikator "${t}" tidak dikenal${range}.`);
    const stage = field('tahap', parseStage, (t) => `tahap "${t}" tidak dikenal; pilihan: ${STAGES.join(', ')}.`);
    const level = field('tingkat', (t) => {
      const n = parseWholeNumber(t);
      return n !== null && n >= 1 && n <= 5 ? n : null;
    }, (t) => `tingkat "${t}" harus bilangan bulat 1–5.`);
    if (level != null && cell('indikator') === '') problems.push('tingkat diisi tetapi indikator kosong.');

    const title = cell('judul') ?? '';
    if (title === '') problems.push('judul wajib diisi.');
    else if (title.length > TITLE_MAX) problems.push(`judul lebih dari ${TITLE_MAX} karakter.`);
    const description = field('deskripsi', (t) => t, () => '');
    if (description != null && description.length > DESCRIPTION_MAX) problems.push(`deskripsi lebih dari ${DESCRIPTION_MAX} karakter.`);

    const dueDate = field('tenggat', (t) => {
      const d = parseDateInput(t);
      return d === null ? null : formatIsoDate(d);
    }, (t) => `tenggat "${t}" bukan tanggal yang sah (mis. 29-10-2024, 2024-10-29 atau 29 Oktober 2024).`);
    // A real date typed wrong (0001, 1900, 9999) would only mislead reminders and "days left".
    const allowed = context.dueDates;
    if (dueDate && allowed && !isDateInRange(parseIsoDate(dueDate)!, allowed)) {
      problems.push(`tenggat ${formatDateId(parseIsoDate(dueDate)!)} di luar masa evaluasi: pilih tanggal antara ${formatDateId(allowed.first)} dan ${formatDateId(allowed.last)}.`);
    }
    const assigneeId = field('penanggung_jawab', (t) => context.assignees.get(assigneeKey(t)) ?? null,
      (t) => `penanggung jawab "${t}" bukan anggota workspace ini (tulis @username atau id Telegram).`);
    const status = field('status', (t) => {
      const s = t.toLowerCase();
      return context.statuses.includes(s) ? s : null;
    }, (t) => `status "${t}" tidak dikenal; pilihan: ${context.statuses.join(', ')}.`);

    if (id !== null && !seenIds.has(id)) seenIds.set(id, rowNo);
    if (problems.length > 0) {
      errors.push(...problems.map((p) => `Baris ${rowNo}: ${p}`));
      continue;
    }
    const row: ChecklistImportRow = { rowNo, id, opdCode, title };
    if (indicatorNo !== undefined) row.indicatorNo = indicatorNo;
    if (stage !== undefined) row.stage = stage;
    if (level !== undefined) row.level = level;
    if (description !== undefined) row.description = description;
    if (dueDate !== undefined) row.dueDate = dueDate;
    if (assigneeId !== undefined) row.assigneeId = assigneeId;
    if (status != null) row.status = status;
    rows.push(row);
  }
  if (errors.length === 0 && rows.length === 0) return { ok: false, errors: ['Berkas tidak berisi baris ceklis.'] };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
