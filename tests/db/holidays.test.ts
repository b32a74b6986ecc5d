// The holiday files: the shipped data as the SKBs publish it, every kind of broken file refused
// with the file and the fault named, and a folder re-read only when a file changes.
import { mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOLIDAYS_DIR, HolidayFileError, loadHolidayCalendar, readHolidayFile, readHolidayFolder } from '../../src/db/holidays.ts';
import { nextWorkingDay, previousWorkingDay } from '../../src/domain/working-days.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'spbe-bot-holidays-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) write(dir, name, content);
  return dir;
}

function write(dir: string, name: string, content: unknown, mtime?: Date): void {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  if (mtime) utimesSync(join(dir, name), mtime, mtime);
}

const year2026 = (holidays: unknown[], extra: Record<string, unknown> = {}) =>
  ({ year: 2026, source: 'SKB uji', holidays, ...extra });
const merdeka = { date: '2026-08-17', name: 'Proklamasi Kemerdekaan', kind: 'libur' };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HolidayFileError);
    expect((error as Error).message).toMatch(/^Berkas hari libur ditolak:\n- /);
    return (error as HolidayFileError).problems;
  }
  throw new Error('expected a HolidayFileError');
}

describe('the shipped holiday files', () => {
  it('cover 2025–2027 and mark both libur nasional and cuti bersama', () => {
    const calendar = loadHolidayCalendar();
    expect(calendar.years).toEqual([2025, 2026, 2027]);
    expect(calendar.dates.has('2026-08-17')).toBe(true);
    expect(calendar.dates.has('2026-08-18')).toBe(false);
    expect(calendar.byDate.get('2026-03-21')).toBe('Idul Fitri 1447 Hijriah');
    expect(calendar.byDate.get('2026-12-24')).toBe('Cuti Bersama Kelahiran Yesus Kristus');
    expect(calendar.dates.has('2025-08-18')).toBe(true); // added by the SKB amendment of 7 August 2025
  });

  it('hold the totals the SKBs announced (2025: 17 + 10 + 1 added; 2026: 17 + 8)', () => {
    const count = (year: number) => {
      const file = readHolidayFolder().find((f) => f.year === year)!;
      return [file.holidays.filter((h) => h.kind === 'libur').length, file.holidays.filter((h) => h.kind === 'cuti-bersama').length];
    };
    expect(count(2025)).toEqual([17, 11]);
    expect(count(2026)).toEqual([17, 8]);
  });

  it('say so when a year is provisional', () => {
    expect(readHolidayFile(join(HOLIDAYS_DIR, '2027.json')).source).toMatch(/^SEMENTARA/);
  });

  it('move a reminder over the Nyepi and Idul Fitri block of 2026', () => {
    const { dates } = loadHolidayCalendar();
    expect(nextWorkingDay({ year: 2026, month: 3, day: 18 }, dates)).toEqual({ year: 2026, month: 3, day: 25 });
    expect(previousWorkingDay({ year: 2026, month: 3, day: 24 }, dates)).toEqual({ year: 2026, month: 3, day: 17 });
  });
});

describe('a broken file is refused, naming the file and the fault', () => {
  it.each([
    ['not JSON', '{ "year": 2026,', /2026\.json: bukan JSON yang sah/],
    ['a year other than the file name', { ...year2026([merdeka]), year: 2025 }, /2026\.json: tahun 2025 tidak sama dengan nama berkas \(2026\)/],
    ['a date that does not exist', year2026([{ ...merdeka, date: '2026-02-30' }]), /2026\.json: hari libur ke-1 \("2026-02-30"\): tanggal harus YYYY-MM-DD/],
    ['a date written the Indonesian way', year2026([{ ...merdeka, date: '17-08-2026' }]), /hari libur ke-1 \("17-08-2026"\): tanggal harus YYYY-MM-DD/],
    ['a date in another year', year2026([merdeka, { ...merdeka, date: '2025-12-31' }]), /hari libur ke-2 \("2025-12-31"\): tanggal di luar tahun 2026/],
    ['a date listed twice', year2026([merdeka, { ...merdeka, kind: 'cuti-bersama' }]), /hari libur ke-2 \("2026-08-17"\): tanggal ini sudah tercantum/],
    ['an empty name', year2026([{ ...merdeka, name: '  ' }]), /hari libur ke-1 \("2026-08-17"\), kolom name: tidak boleh kosong/],
    ['an unknown kind', year2026([{ ...merdeka, kind: 'libur-nasional' }]), /kolom kind: harus "libur" atau "cuti-bersama", tertulis "libur-nasional"/],
    ['a year written as text', { ...year2026([merdeka]), year: '2026' }, /2026\.json: kolom year: harus berupa angka, tertulis "2026"/],
    ['a missing source', { year: 2026, holidays: [merdeka] }, /2026\.json: kolom source: wajib diisi/],
    ['no holidays at all', year2026([]), /2026\.json: kolom holidays: minimal 1 hari libur/],
  ])('%s', (_, content, message) => {
    const dir = folder({ '2026.json': content });
    const problems = problemsOf(() => readHolidayFile(join(dir, '2026.json')));
    expect(problems.join('\n')).toMatch(message);
    expect(problems.every((p) => p.startsWith('2026.json: '))).toBe(true);
  });

  it('reports a misspelt key and the field it left empty', () => {
    const dir = folder({ '2026.json': year2026([{ date: '2026-08-17', name: 'Proklamasi', knd: 'libur' }]) });
    expect(problemsOf(() => readHolidayFile(join(dir, '2026.json')))).toEqual([
      '2026.json: hari libur ke-1 ("2026-08-17"), kolom kind: wajib diisi',
      '2026.json: hari libur ke-1 ("2026-08-17"): kunci tidak dikenal: "knd"',
    ]);
  });

  it('wants the file named after its year', () => {
    const dir = folder({ 'libur.json': year2026([merdeka]) });
    expect(problemsOf(() => readHolidayFile(join(dir, 'libur.json')))).toEqual(['libur.json: nama berkas harus <tahun>.json, mis. 2026.json']);
  });

  it('lists the faults of every broken file in the folder at once, ignoring other files', () => {
    const dir = folder({
      '2025.json': '[',
      '2026.json': year2026([{ ...merdeka, kind: 'libur-nasional' }]),
      '2027.json': { year: 2027, source: 'x', holidays: [{ date: '2027-08-17', name: 'Proklamasi', kind: 'libur' }] },
      'README.md': 'catatan',
      'draf-2028.json': '{',
    });
    const problems = problemsOf(() => loadHolidayCalendar(dir));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^2025\.json: bukan JSON yang sah/);
    expect(problems[1]).toMatch(/^2026\.json: .*kolom kind/);
  });

  it('refuses a folder that is not there', () => {
    expect(problemsOf(() => loadHolidayCalendar(join(tmpdir(), 'spbe-bot-no-such-folder')))).toEqual([
      `folder ${join(tmpdir(), 'spbe-bot-no-such-folder')} tidak dapat dibaca`,
    ]);
  });
});

describe('loadHolidayCalendar', () => {
  it('reads every <year>.json, by year', () => {
    const dir = folder({
      '2027.json': { year: 2027, source: 'x', holidays: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur' }] },
      '2026.json': year2026([merdeka, { date: '2026-12-24', name: 'Cuti Bersama Natal', kind: 'cuti-bersama' }]),
    });
    const calendar = loadHolidayCalendar(dir);
    expect(calendar.years).toEqual([2026, 2027]);
    expect([...calendar.dates].sort()).toEqual(['2026-08-17', '2026-12-24', '2027-01-01']);
    expect(calendar.byDate.get('2026-12-24')).toBe('Cuti Bersama Natal');
  });

  it('is kept while no file changes, and re-read when an admin edits, breaks, fixes or removes one', () => {
    const dir = folder({ '2026.json': year2026([merdeka]) });
    const first = loadHolidayCalendar(dir);
    expect(loadHolidayCalendar(dir)).toBe(first);

    const added = { date: '2026-08-18', name: 'Cuti Bersama Proklamasi', kind: 'cuti-bersama' };
    write(dir, '2026.json', year2026([merdeka, added]), new Date(Date.now() + 60_000));
    const edited = loadHolidayCalendar(dir);
    expect(edited).not.toBe(first);
    expect(edited.dates.has('2026-08-18')).toBe(true);

    write(dir, '2026.json', year2026([merdeka, { ...added, kind: 'cuti' }]), new Date(Date.now() + 120_000));
    expect(problemsOf(() => loadHolidayCalendar(dir))[0]).toMatch(/^2026\.json: .*kolom kind/);

    write(dir, '2027.json', { year: 2027, source: 'x', holidays: [{ date: '2027-01-01', name: 'Tahun Baru', kind: 'libur' }] });
    write(dir, '2026.json', year2026([merdeka]), new Date(Date.now() + 180_000));
    expect(loadHolidayCalendar(dir).years).toEqual([2026, 2027]);

    unlinkSync(join(dir, '2027.json'));
    expect(loadHolidayCalendar(dir).years).toEqual([2026]);
    expect(loadHolidayCalendar(dir).dates.has('2026-08-18')).toBe(false);
  });
});
