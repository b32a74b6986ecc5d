import { describe, it, expect } from 'vitest';
import type { LocalDate } from './dates.ts';
import {
  addDays,
  compareDates,
  dayNameId,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  daysLeftText,
  evaluationDateRange,
  formatDateId,
  formatDateTimeId,
  formatIsoDate,
  formatTimeId,
  isDateInRange,
  isLeapYear,
  isValidDate,
  isValidTime,
  parseDateInput,
  parseIsoDate,
  parseTimeInput,
  toInstant,
  toLocalDate,
  toLocalTime,
} from './dates.ts';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';
const date = (year: number, month: number, day: number): LocalDate => ({ year, month, day });

describe('validity and leap years', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('accepts real dates and rejects impossible ones', () => {
    expect(isValidDate(date(2024, 2, 29))).toBe(true);
    expect(isValidDate(date(2024, 12, 31))).toBe(true);
    expect(isValidDate(date(2023, 2, 29))).toBe(false);
    expect(isValidDate(date(2024, 2, 30))).toBe(false);
    expect(isValidDate(date(2024, 4, 31))).toBe(false);
    expect(isValidDate(date(2024, 13, 1))).toBe(false);
    expect(isValidDate(date(2024, 0, 1))).toBe(false);
    expect(isValidDate(date(2024, 1, 0))).toBe(false);
    expect(isValidDate(date(2024, 1, 1.5))).toBe(false);
    expect(isValidDate(date(0, 1, 1))).toBe(false);
    expect(isValidDate(date(10000, 1, 1))).toBe(false);
  });

  it('validates times', () => {
    expect(isValidTime({ hour: 0, minute: 0 })).toBe(true);
    expect(isValidTime({ hour: 23, minute: 59 })).toBe(true);
    expect(isValidTime({ hour: 24, minute: 0 })).toBe(false);
    expect(isValidTime({ hour: 12, minute: 60 })).toBe(false);
    expect(isValidTime({ hour: -1, minute: 0 })).toBe(false);
  });
});

describe('ISO dates', () => {
  it('formats with zero padding', () => {
    expect(formatIsoDate(date(2024, 10, 29))).toBe('2024-10-29');
    expect(formatIsoDate(date(2025, 1, 5))).toBe('2025-01-05');
    expect(formatIsoDate(date(987, 3, 4))).toBe('0987-03-04');
  });

  it('parses strictly', () => {
    expect(parseIsoDate('2024-10-29')).toEqual(date(2024, 10, 29));
    expect(parseIsoDate('2024-02-29')).toEqual(date(2024, 2, 29));
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-10-9')).toBeNull();
    expect(parseIsoDate('29-10-2024')).toBeNull();
    expect(parseIsoDate('2024-10-29T00:00')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });

  it('round-trips', () => {
    const d = date(2024, 2, 29);
    expect(parseIsoDate(formatIsoDate(d))).toEqual(d);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['29-10-2024', date(2024, 10, 29)],
    ['29/10/2024', date(2024, 10, 29)],
    ['29.10.2024', date(2024, 10, 29)],
    ['2024-10-29', date(2024, 10, 29)],
    ['5-1-2025', date(2025, 1, 5)],
    ['05/01/2025', date(2025, 1, 5)],
    ['29 Oktober 2024', date(2024, 10, 29)],
    ['29 oktober 2024', date(2024, 10, 29)],
    ['29 OKTOBER 2024', date(2024, 10, 29)],
    ['29 okt 2024', date(2024, 10, 29)],
    ['29 Okt. 2024', date(2024, 10, 29)],
    ['  29   Okt  2024 ', date(2024, 10, 29)],
    ['1 Januari 2025', date(2025, 1, 1)],
    ['14 Februari 2025', date(2025, 2, 14)],
    ['3 Maret 2025', date(2025, 3, 3)],
    ['3 mar 2025', date(2025, 3, 3)],
    ['21 April 2025', date(2025, 4, 21)],
    ['1 Mei 2025', date(2025, 5, 1)],
    ['1 Juni 2025', date(2025, 6, 1)],
    ['1 jun 2025', date(2025, 6, 1)],
    ['1 Juli 2025', date(2025, 7, 1)],
    ['1 jul 2025', date(2025, 7, 1)],
    ['17 Agustus 2025', date(2025, 8, 17)],
    ['17 agu 2025', date(2025, 8, 17)],
    ['17 agt 2025', date(2025, 8, 17)],
    ['17 ags 2025', date(2025, 8, 17)],
    ['30 September 2025', date(2025, 9, 30)],
    ['30 sep 2025', date(2025, 9, 30)],
    ['10 November 2025', date(2025, 11, 10)],
    ['25 Desember 2025', date(2025, 12, 25)],
    ['25 des 2025', date(2025, 12, 25)],
    ['29-02-2024', date(2024, 2, 29)],
    ['29 Februari 2024', date(2024, 2, 29)],
  ])('%j', (input, expected) => {
    expect(parseDateInput(input)).toEqual(expected);
  });

  it.each([
    '31-02-2024',
    '29-02-2023',
    '29 Februari 2023',
    '31 April 2025',
    '32-01-2025',
    '00-01-2025',
    '15-13-2025',
    '15-00-2025',
    '29-10/2024', // mixed separators
    '29-10-24', // two-digit year is ambiguous
    '10-29-2024', // US order: month 29 does not exist
    '2024-13-01',
    '29 Oct 2024', // English month name
    '29 Okto 2024',
    '29 Oktober',
    'Oktober 2024',
    'besok',
    '',
    '29102024',
  ])('rejects %j', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
});

describe('parseTimeInput', () => {
  it.each([
    ['14.00', { hour: 14, minute: 0 }],
    ['14:00', { hour: 14, minute: 0 }],
    ['9.30', { hour: 9, minute: 30 }],
    ['09:30', { hour: 9, minute: 30 }],
    ['14', { hour: 14, minute: 0 }],
    ['0.00', { hour: 0, minute: 0 }],
    ['23.59', { hour: 23, minute: 59 }],
    [' 8.15 ', { hour: 8, minute: 15 }],
  ])('%j', (input, expected) => {
    expect(parseTimeInput(input)).toEqual(expected);
  });

  it.each(['24.00', '24', '14.60', '14.5', '14.000', 'abc', '', '14.', ':30', '-1.00', '14,00'])(
    'rejects %j',
    (input) => {
      expect(parseTimeInput(input)).toBeNull();
    },
  );
});

describe('Indonesian formatting', () => {
  it('formats dates with Indonesian month names', () => {
    expect(formatDateId(date(2024, 10, 29))).toBe('29 Oktober 2024');
    expect(formatDateId(date(2025, 1, 5))).toBe('5 Januari 2025');
    expect(formatDateId(date(2025, 8, 17))).toBe('17 Agustus 2025');
    expect(formatDateId(date(2025, 12, 31))).toBe('31 Desember 2025');
  });

  it('formats times with a dot and the zone label', () => {
    expect(formatTimeId({ hour: 14, minute: 0 }, WITA)).toBe('14.00 WITA');
    expect(formatTimeId({ hour: 9, minute: 5 }, WIB)).toBe('09.05 WIB');
    expect(formatTimeId({ hour: 23, minute: 30 }, WIT)).toBe('23.30 WIT');
  });

  it('formats an instant in the given zone', () => {
    const instant = new Date('2024-10-29T06:00:00Z');
    expect(formatDateTimeId(instant, WITA)).toBe('29 Oktober 2024 14.00 WITA');
    expect(formatDateTimeId(instant, WIB)).toBe('29 Oktober 2024 13.00 WIB');
    expect(formatDateTimeId(new Date('2024-10-29T16:30:00Z'), WITA)).toBe(
      '30 Oktober 2024 00.30 WITA',
    );
  });

  it('names the day of the week', () => {
    expect(dayNameId(date(2024, 10, 29))).toBe('Selasa');
    expect(dayNameId(date(2024, 10, 27))).toBe('Minggu');
    expect(dayNameId(date(2024, 10, 28))).toBe('Senin');
    expect(dayNameId(date(2024, 10, 30))).toBe('Rabu');
    expect(dayNameId(date(2024, 10, 31))).toBe('Kamis');
    expect(dayNameId(date(2024, 11, 1))).toBe('Jumat');
    expect(dayNameId(date(2024, 11, 2))).toBe('Sabtu');
  });
});

describe('toInstant / toLocalDate / toLocalTime', () => {
  it('converts Indonesian wall-clock time to UTC', () => {
    expect(toInstant(date(2024, 10, 29), { hour: 14, minute: 0 }, WITA).toISOString()).toBe(
      '2024-10-29T06:00:00.000Z',
    );
    expect(toInstant(date(2024, 10, 29), { hour: 14, minute: 0 }, WIB).toISOString()).toBe(
      '2024-10-29T07:00:00.000Z',
    );
    expect(toInstant(date(2024, 10, 29), { hour: 14, minute: 0 }, WIT).toISOString()).toBe(
      '2024-10-29T05:00:00.000Z',
    );
  });

  it('puts the same 08.00 in WIB, WITA and WIT an hour apart, east first', () => {
    const d = date(2025, 3, 1);
    const at8 = { hour: 8, minute: 0 };
    const wit = toInstant(d, at8, WIT).getTime();
    const wita = toInstant(d, at8, WITA).getTime();
    const wib = toInstant(d, at8, WIB).getTime();
    expect(wita - wit).toBe(3_600_000);
    expect(wib - wita).toBe(3_600_000);
    expect(new Date(wit).toISOString()).toBe('2025-02-28T23:00:00.000Z');
  });

  it('crosses midnight differently per zone', () => {
    const instant = new Date('2024-10-29T16:30:00Z');
    expect(toLocalDate(instant, WITA)).toEqual(date(2024, 10, 30));
    expect(toLocalTime(instant, WITA)).toEqual({ hour: 0, minute: 30 });
    expect(toLocalDate(instant, WIB)).toEqual(date(2024, 10, 29));
    expect(toLocalTime(instant, WIB)).toEqual({ hour: 23, minute: 30 });
    expect(toLocalDate(instant, WIT)).toEqual(date(2024, 10, 30));
    expect(toLocalTime(instant, WIT)).toEqual({ hour: 1, minute: 30 });
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(toLocalTime(new Date('2024-12-31T17:00:00Z'), WIB)).toEqual({ hour: 0, minute: 0 });
    expect(toLocalDate(new Date('2024-12-31T17:00:00Z'), WIB)).toEqual(date(2025, 1, 1));
  });

  it('round-trips local → instant → local', () => {
    for (const tz of [WIB, WITA, WIT]) {
      const d = date(2024, 2, 29);
      const t = { hour: 0, minute: 15 };
      const instant = toInstant(d, t, tz);
      expect(toLocalDate(instant, tz)).toEqual(d);
      expect(toLocalTime(instant, tz)).toEqual(t);
    }
  });

  it('uses the offset in force at that time for zones with DST', () => {
    const noon = { hour: 12, minute: 0 };
    expect(toInstant(date(2024, 1, 15), noon, 'Europe/Amsterdam').toISOString()).toBe(
      '2024-01-15T11:00:00.000Z',
    );
    expect(toInstant(date(2024, 7, 15), noon, 'Europe/Amsterdam').toISOString()).toBe(
      '2024-07-15T10:00:00.000Z',
    );
    // 01.30 on the day clocks go forward at 02.00: still winter time.
    expect(
      toInstant(date(2024, 3, 31), { hour: 1, minute: 30 }, 'Europe/Amsterdam').toISOString(),
    ).toBe('2024-03-31T00:30:00.000Z');
  });

  it('ignores seconds and milliseconds of the instant', () => {
    const instant = new Date('2024-10-29T06:00:59.999Z');
    expect(toLocalTime(instant, WITA)).toEqual({ hour: 14, minute: 0 });
  });

  it('refuses invalid input instead of rolling over', () => {
    expect(() => toInstant(date(2023, 2, 29), { hour: 8, minute: 0 }, WIB)).toThrow(RangeError);
    expect(() => toInstant(date(2024, 2, 1), { hour: 24, minute: 0 }, WIB)).toThrow(RangeError);
    expect(() => toInstant(date(2024, 2, 1), { hour: 8, minute: 0 }, 'Mars/Base')).toThrow(
      RangeError,
    );
    expect(() => toLocalDate(new Date(NaN), WIB)).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(date(2024, 10, 29), 3)).toEqual(date(2024, 11, 1));
    expect(addDays(date(2024, 12, 31), 1)).toEqual(date(2025, 1, 1));
    expect(addDays(date(2025, 1, 1), -1)).toEqual(date(2024, 12, 31));
    expect(addDays(date(2024, 2, 28), 1)).toEqual(date(2024, 2, 29));
    expect(addDays(date(2023, 2, 28), 1)).toEqual(date(2023, 3, 1));
    expect(addDays(date(2024, 10, 29), 0)).toEqual(date(2024, 10, 29));
    expect(addDays(date(2024, 1, 1), 366)).toEqual(date(2025, 1, 1));
  });

  it('counts days between dates, b − a', () => {
    expect(daysBetween(date(2024, 10, 29), date(2024, 10, 29))).toBe(0);
    expect(daysBetween(date(2024, 10, 29), date(2024, 11, 1))).toBe(3);
    expect(daysBetween(date(2024, 11, 1), date(2024, 10, 29))).toBe(-3);
    expect(daysBetween(date(2024, 12, 30), date(2025, 1, 2))).toBe(3);
    expect(daysBetween(date(2024, 2, 28), date(2024, 3, 1))).toBe(2);
    expect(daysBetween(date(2023, 2, 28), date(2023, 3, 1))).toBe(1);
    expect(daysBetween(date(2024, 1, 1), date(2025, 1, 1))).toBe(366);
    expect(daysBetween(date(2025, 1, 1), date(2026, 1, 1))).toBe(365);
  });

  it('compares dates', () => {
    expect(compareDates(date(2024, 10, 29), date(2024, 10, 30))).toBe(-1);
    expect(compareDates(date(2024, 10, 30), date(2024, 10, 29))).toBe(1);
    expect(compareDates(date(2024, 10, 29), date(2024, 10, 29))).toBe(0);
    expect(compareDates(date(2024, 12, 31), date(2025, 1, 1))).toBe(-1);
    const sorted = [date(2025, 1, 1), date(2024, 2, 29), date(2024, 12, 31)].sort(compareDates);
    expect(sorted.map(formatIsoDate)).toEqual(['2024-02-29', '2024-12-31', '2025-01-01']);
  });

  it('gives the day of the week with 0 = Sunday', () => {
    expect(dayOfWeek(date(2024, 10, 27))).toBe(0);
    expect(dayOfWeek(date(2024, 10, 29))).toBe(2);
    expect(dayOfWeek(date(2024, 11, 2))).toBe(6);
    expect(dayOfWeek(date(1970, 1, 1))).toBe(4);
    expect(dayOfWeek(date(1945, 8, 17))).toBe(5); // Proklamasi was a Friday
  });
});

describe('daysLeftText', () => {
  const today = date(2024, 10, 29);
  it.each([
    [date(2024, 10, 29), 'hari ini'],
    [date(2024, 10, 30), 'besok'],
    [date(2024, 10, 31), '2 hari lagi'],
    [date(2024, 11, 1), '3 hari lagi'],
    [date(2024, 10, 28), 'lewat 1 hari'],
    [date(2024, 10, 27), 'lewat 2 hari'],
    [date(2025, 1, 1), '64 hari lagi'],
  ])('due %j → %s', (due, expected) => {
    expect(daysLeftText(today, due)).toBe(expected);
  });
});

describe('parseDateInput on years 0000–0099 and impossible dates', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  it('never throws on years 0000–0099 in any form: year 0 is no date, years 1–99 are dates as typed', () => {
    for (let year = 0; year <= 99; year++) {
      const forms = [`01-03-${pad(year, 4)}`, `1/3/${pad(year, 4)}`, `${pad(year, 4)}-03-01`, `1 Maret ${pad(year, 4)}`];
      for (const form of forms) {
        let parsed: LocalDate | null | undefined;
        expect(() => { parsed = parseDateInput(form); }).not.toThrow();
        expect(parsed).toEqual(year === 0 ? null : date(year, 3, 1));
      }
    }
    // The ISO form of a two-digit year keeps four digits (never read back as 19xx).
    expect(formatIsoDate(parseDateInput('29-02-0004')!)).toBe('0004-02-29');
    expect(parseIsoDate(formatIsoDate(parseDateInput('01-01-0001')!))).toEqual(date(1, 1, 1));
  });

  it.each(['31-02-2026', '29-02-2026', '30-02-2024', '31-04-2026', '00-01-2026', '01-13-2026', '29-02-0100', '29-02-0000', '31-02-0001'])(
    'refuses the impossible date %s with null', (s) => {
      expect(() => parseDateInput(s)).not.toThrow();
      expect(parseDateInput(s)).toBeNull();
    });
});

describe('evaluationDateRange / isDateInRange', () => {
  const range = evaluationDateRange(2026);

  it('spans the evaluation year and the next', () => {
    expect(range).toEqual({ first: date(2026, 1, 1), last: date(2027, 12, 31) });
  });

  it.each([
    [date(2026, 1, 1), true], [date(2027, 12, 31), true], [date(2026, 10, 29), true], [date(2028, 2, 29), false],
    [date(2025, 12, 31), false], [date(2028, 1, 1), false], [date(1, 1, 1), false], [date(1900, 1, 1), false], [date(9999, 1, 1), false],
    [date(2026, 2, 31), false],
  ])('%j → %s', (d, inside) => {
    expect(isDateInRange(d, range)).toBe(inside);
  });
});
