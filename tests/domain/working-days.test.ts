// Working-day arithmetic on fixed dates; the holiday sets are copied from the SKBs by hand so the
// domain is tested without the data files (tests/db/holidays.test.ts checks those).
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/dates.ts';
import { addDays, formatIsoDate } from '../../src/domain/dates.ts';
import { isWorkingDay, nextWorkingDay, previousWorkingDay } from '../../src/domain/working-days.ts';

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });

// SKB 1497/2025, 2/2025, 5/2025 (2026) around Nyepi and Idul Fitri 1447 H, Easter, Christmas;
// SKB 1017/2024 (2025) around Idul Fitri 1446 H and Christmas; 1 January 2027.
const HOLIDAYS: ReadonlySet<string> = new Set([
  '2025-03-28', '2025-03-29', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07',
  '2025-12-25', '2025-12-26',
  '2026-01-01',
  '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24',
  '2026-04-03', '2026-04-05',
  '2026-08-17',
  '2026-12-24', '2026-12-25',
  '2027-01-01',
]);
const NONE: ReadonlySet<string> = new Set();

describe('isWorkingDay', () => {
  it('is Monday to Friday, except the listed holidays', () => {
    expect(isWorkingDay(d(2026, 11, 20), HOLIDAYS)).toBe(true); // Friday
    expect(isWorkingDay(d(2026, 11, 21), HOLIDAYS)).toBe(false); // Saturday
    expect(isWorkingDay(d(2026, 11, 22), HOLIDAYS)).toBe(false); // Sunday
    expect(isWorkingDay(d(2026, 11, 23), HOLIDAYS)).toBe(true); // Monday
    expect(isWorkingDay(d(2026, 8, 17), HOLIDAYS)).toBe(false); // Monday, Proklamasi
    expect(isWorkingDay(d(2026, 8, 17), NONE)).toBe(true);
    expect(isWorkingDay(d(2026, 8, 18), HOLIDAYS)).toBe(true);
  });

  it('refuses a date that does not exist', () => {
    expect(() => isWorkingDay(d(2026, 2, 30), HOLIDAYS)).toThrow(RangeError);
  });
});

describe('nextWorkingDay and previousWorkingDay', () => {
  it('return a working day itself', () => {
    expect(nextWorkingDay(d(2026, 11, 23), HOLIDAYS)).toEqual(d(2026, 11, 23));
    expect(previousWorkingDay(d(2026, 11, 23), HOLIDAYS)).toEqual(d(2026, 11, 23));
  });

  it('move a Saturday to Monday, or back to Friday', () => {
    expect(nextWorkingDay(d(2026, 11, 21), HOLIDAYS)).toEqual(d(2026, 11, 23));
    expect(previousWorkingDay(d(2026, 11, 21), HOLIDAYS)).toEqual(d(2026, 11, 20));
  });

  it('skip a Friday holiday and the weekend after it (Wafat Yesus Kristus 2026)', () => {
    expect(nextWorkingDay(d(2026, 4, 3), HOLIDAYS)).toEqual(d(2026, 4, 6));
    expect(previousWorkingDay(d(2026, 4, 5), HOLIDAYS)).toEqual(d(2026, 4, 2));
  });

  it('skip the whole Nyepi + Idul Fitri + cuti bersama block of 2026 (18–24 March)', () => {
    for (let day = 18; day <= 24; day++) {
      expect(nextWorkingDay(d(2026, 3, day), HOLIDAYS)).toEqual(d(2026, 3, 25));
      expect(previousWorkingDay(d(2026, 3, day), HOLIDAYS)).toEqual(d(2026, 3, 17));
    }
  });

  it('skip the eleven days off of Idul Fitri 2025 (28 March – 7 April)', () => {
    expect(nextWorkingDay(d(2025, 3, 28), HOLIDAYS)).toEqual(d(2025, 4, 8));
    expect(previousWorkingDay(d(2025, 4, 7), HOLIDAYS)).toEqual(d(2025, 3, 27));
  });

  it('cross a year boundary', () => {
    expect(nextWorkingDay(d(2025, 12, 25), HOLIDAYS)).toEqual(d(2025, 12, 29));
    expect(previousWorkingDay(d(2026, 1, 1), HOLIDAYS)).toEqual(d(2025, 12, 31));
    expect(nextWorkingDay(d(2026, 12, 24), HOLIDAYS)).toEqual(d(2026, 12, 28));
    expect(nextWorkingDay(d(2027, 1, 1), HOLIDAYS)).toEqual(d(2027, 1, 4));
    expect(previousWorkingDay(d(2027, 1, 3), HOLIDAYS)).toEqual(d(2026, 12, 31));
  });

  it('look at most 60 days away, then throw', () => {
    const start = d(2026, 1, 1);
    const daysOff = (n: number) => new Set(Array.from({ length: n }, (_, i) => formatIsoDate(addDays(start, i))));
    const farthest = d(2026, 3, 2); // a Monday, 60 days after 1 January
    expect(nextWorkingDay(start, daysOff(60))).toEqual(farthest);
    expect(() => nextWorkingDay(start, daysOff(61))).toThrow(RangeError);
    const backwards = new Set(Array.from({ length: 61 }, (_, i) => formatIsoDate(addDays(farthest, -i))));
    expect(() => previousWorkingDay(farthest, backwards)).toThrow(/No working day within 60 days before 2026-03-02/);
  });
});
