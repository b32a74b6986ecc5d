// Indonesian public holidays are data: prisma/data/holidays/<year>.json, one file per SKB year,
// edited by admins when a new SKB (or an amendment) comes out, while the bot runs. A broken file
// is refused with messages that name the file and the fault; an unchanged folder is not re-read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseIsoDate } from '../domain/dates.ts';
import { valueAt } from '../domain/framework-file-issues.ts';

export const HOLIDAYS_DIR = fileURLToPath(new URL('../../prisma/data/holidays/', import.meta.url));

const YEAR_FILE = /^(\d{4})\.json$/;

export type HolidayKind = 'libur' | 'cuti-bersama';

export interface Holiday {
  /** ISO date, YYYY-MM-DD */
  date: string;
  name: string;
  kind: HolidayKind;
}

export interface HolidayFile {
  file: string;
  year: number;
  source: string;
  /** in date order */
  holidays: Holiday[];
}

export interface HolidayCalendar {
  /** every libur and cuti bersama date, ISO */
  dates: ReadonlySet<string>;
  /** the years that have a file, ascending: a date in another year has no holiday data */
  years: number[];
  byDate: ReadonlyMap<string, string>;
}

export class HolidayFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Berkas hari libur ditolak:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

const nonEmpty = z.string().refine((s) => s.trim() !== '', { error: 'tidak boleh kosong' });

// Strict objects: a misspelt key ("knd") must be reported, not silently dropped.
const fileSchema = z.strictObject({
  year: z.number().int(),
  source: nonEmpty,
  holidays: z.array(z.strictObject({ date: z.string(), name: nonEmpty, kind: z.enum(['libur', 'cuti-bersama']) })).min(1),
});

/** Reads and validates one <year>.json; throws HolidayFileError naming what is wrong. */
export function readHolidayFile(path: string): HolidayFile {
  const file = basename(path);
  function fail(problems: string[]): never {
    throw new HolidayFileError(problems.map((p) => `${file}: ${p}`));
  }
  const fileYear = YEAR_FILE.exec(file)?.[1];
  if (fileYear === undefined) fail(['nama berkas harus <tahun>.json, mis. 2026.json']);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    fail(['berkas tidak dapat dibaca']);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail([`bukan JSON yang sah (${(error as Error).message})`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => describeIssue(raw, issue)));
  const { year, source, holidays } = parsed.data;
  const problems: string[] = [];
  if (year !== Number(fileYear)) problems.push(`tahun ${year} tidak sama dengan nama berkas (${fileYear})`);
  const seen = new Set<string>();
  holidays.forEach((h, i) => {
    const place = `hari libur ke-${i + 1} ("${h.date}")`;
    const date = parseIsoDate(h.date);
    if (date === null) problems.push(`${place}: tanggal harus YYYY-MM-DD dan ada di kalender`);
    else if (date.year !== year) problems.push(`${place}: tanggal di luar tahun ${year}`);
    if (seen.has(h.date)) problems.push(`${place}: tanggal ini sudah tercantum`);
    seen.add(h.date);
  });
  if (problems.length > 0) fail(problems);
  return { file, year, source, holidays: [...holidays].sort((a, b) => a.date.localeCompare(b.date)) };
}

const TYPE_NAMES: Record<string, string> = {
  number: 'angka', int: 'bilangan bulat', string: 'teks', array: 'daftar [...]', object: 'objek {...}',
};

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [section, index, key] = issue.path;
  let place = issue.path.length > 0 ? `kolom ${issue.path.map(String).join('.')}` : 'berkas';
  if (section === 'holidays' && typeof index === 'number') {
    const date = valueAt(raw, ['holidays', index, 'date']);
    place = `hari libur ke-${index + 1}${typeof date === 'string' ? ` ("${date}")` : ''}`;
    if (key !== undefined) place += `, kolom ${String(key)}`;
  }
  const value = valueAt(raw, issue.path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return `${place}: wajib diisi`;
  switch (issue.code) {
    case 'invalid_type':
      return `${place}: harus berupa ${TYPE_NAMES[issue.expected] ?? issue.expected}, tertulis ${JSON.stringify(value)}`;
    case 'invalid_value':
      return `${place}: harus "libur" atau "cuti-bersama", tertulis ${JSON.stringify(value)}`;
    case 'too_small':
      return `${place}: minimal ${String(issue.minimum)} hari libur`;
    case 'unrecognized_keys':
      return `${place}: kunci tidak dikenal: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return `${place}: ${issue.message}`;
  }
}


/** Every <year>.json in the folder, validated, by year; throws one HolidayFileError for all faults. */
export function readHolidayFolder(dir = HOLIDAYS_DIR): HolidayFile[] {
  return readFolder(dir, (path) => readHolidayFile(path));
}

function readFolder(dir: string, read: (path: string) => HolidayFile): HolidayFile[] {
  const files: HolidayFile[] = [];
  const problems: string[] = [];
  for (const name of yearFileNames(dir)) {
    try {
      files.push(read(join(dir, name)));
    } catch (error) {
      if (!(error instanceof HolidayFileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new HolidayFileError(problems);
  return files;
}

function yearFileNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => YEAR_FILE.test(name)).sort();
  } catch {
    throw new HolidayFileError([`folder ${dir} tidak dapat dibaca`]);
  }
}

// Per process: a file is parsed again only when its mtime or size changes, and the calendar is
// rebuilt only when some file changed, appeared or disappeared, so a sweep can call this each time.
const parsedFiles = new Map<string, { stamp: string; file: HolidayFile }>();
const calendars = new Map<string, { stamp: string; calendar: HolidayCalendar }>();

function stampOf(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'hilang';
  }
}

/** The holidays of every <year>.json in the folder; re-read when a file changes. */
export function loadHolidayCalendar(dir = HOLIDAYS_DIR): HolidayCalendar {
  const stamps = yearFileNames(dir).map((name) => `${name}@${stampOf(join(dir, name))}`).join('|');
  const cached = calendars.get(dir);
  if (cached?.stamp === stamps) return cached.calendar;
  const files = readFolder(dir, (path) => {
    const stamp = stampOf(path);
    const known = parsedFiles.get(path);
    if (known?.stamp === stamp) return known.file;
    const file = readHolidayFile(path);
    parsedFiles.set(path, { stamp, file });
    return file;
  });
  const byDate = new Map(files.flatMap((f) => f.holidays.map((h): [string, string] => [h.date, h.name])));
  const calendar: HolidayCalendar = { dates: new Set(byDate.keys()), years: files.map((f) => f.year), byDate };
  calendars.set(dir, { stamp: stamps, calendar });
  return calendar;
}
