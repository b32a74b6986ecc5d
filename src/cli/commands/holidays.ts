// The holiday files (prisma/data/holidays/<year>.json) from the admin CLI: list what the bot
// treats as days off, and check an edited file before the bot meets it. No database involved.
import { resolve } from 'node:path';
import { dayNameId, parseIsoDate } from '../../domain/dates.ts';
import type { HolidayFile } from '../../db/holidays.ts';
import { HOLIDAYS_DIR, HolidayFileError, readHolidayFolder } from '../../db/holidays.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { renderTable } from '../table.ts';

const USAGE = 'npm run cli -- holidays list [--year <tahun>] [--dir <folder>] | holidays check [--dir <folder>]';

const KIND_LABEL = { libur: 'libur nasional', 'cuti-bersama': 'cuti bersama' } as const;

export async function holidaysCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const o = parseOptions(rest, { year: { type: 'string' }, dir: { type: 'string' } }, [], USAGE);
    const year = parseYearOption(o.year);
    const files = readFiles(ctx, o.dir);
    const shown = year === undefined ? files : files.filter((f) => f.year === year);
    if (shown.length === 0) {
      throw new CliError(`tidak ada data hari libur tahun ${year} (tersedia: ${files.map((f) => f.year).join(', ')}).`);
    }
    ctx.io.out(shown.map(listing).join('\n\n'));
    return;
  }
  if (sub === 'check') {
    const o = parseOptions(rest, { dir: { type: 'string' } }, [], USAGE);
    const files = readFiles(ctx, o.dir);
    ctx.io.out([...files.map((f) => `${f.file}: ${counts(f)}`), `Semua berkas hari libur sah (${files.length}).`].join('\n'));
    return;
  }
  throw new UsageError(`perintah holidays "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
}

// A folder without a single year file would let reminders ignore every holiday without a word.
function readFiles(ctx: CliContext, dir: string | undefined): HolidayFile[] {
  const folder = dir === undefined ? HOLIDAYS_DIR : resolve(ctx.cwd, dir);
  let files: HolidayFile[];
  try {
    files = readHolidayFolder(folder);
  } catch (error) {
    if (error instanceof HolidayFileError) throw new CliError(error.message);
    throw error;
  }
  if (files.length === 0) throw new CliError(`tidak ada berkas <tahun>.json di ${folder}.`);
  return files;
}

function listing(f: HolidayFile): string {
  const rows = f.holidays.map((h) => [dayNameId(parseIsoDate(h.date)!), h.date, h.name, KIND_LABEL[h.kind]]);
  return [
    `Hari libur ${f.year} (${counts(f)})`,
    `Sumber: ${f.source}`,
    renderTable(['Hari', 'Tanggal', 'Nama', 'Jenis'], rows),
  ].join('\n');
}

function counts(f: HolidayFile): string {
  const libur = f.holidays.filter((h) => h.kind === 'libur').length;
  return `${libur} libur nasional, ${f.holidays.length - libur} cuti bersama`;
}
