// Calendar dates, wall-clock times and their Indonesian spelling. Deadlines are calendar dates in
// the region's own zone, so dates are kept as plain {year, month, day} and only become instants
// (Date) at the edge, through an explicit zone. Nothing here reads the clock: callers pass "now".

import { zoneLabel } from './time-zones.ts';

export interface LocalDate {
  year: number;
  /** 1 = January */
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
}

const MONTH_NAMES = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

// Agustus is abbreviated three ways in the wild (agu, agt, ags), so all are accepted.
const MONTH_BY_WORD: ReadonlyMap<string, number> = new Map([
  ...MONTH_NAMES.map((name, i): [string, number] => [name.toLowerCase(), i + 1]),
  ...['jan', 'feb', 'mar', 'apr', 'mei', 'jun', 'jul', 'agu', 'sep', 'okt', 'nov', 'des']
    .map((abbr, i): [string, number] => [abbr, i + 1]),
  ['agt', 8],
  ['ags', 8],
]);

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Years are limited to 1–9999 so every valid date has a four-digit ISO form. */
export function isValidDate(d: LocalDate): boolean {
  const { year, month, day } = d;
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
    && year >= 1 && year <= 9999 && month >= 1 && month <= 12
    && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidTime(t: LocalTime): boolean {
  return Number.isInteger(t.hour) && Number.isInteger(t.minute)
    && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatIsoDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Strict YYYY-MM-DD (the storage form); null if malformed or not a real date. */
export function parseIsoDate(s: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? checkedDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function checkedDate(year: number, month: number, day: number): LocalDate | null {
  const d = { year, month, day };
  return isValidDate(d) ? d : null;
}

/**
 * A date as Indonesian users type it: 29-10-2024, 29/10/2024, 29.10.2024, 2024-10-29,
 * 29 Oktober 2024, 29 okt 2024. Day comes first in every numeric form except ISO.
 */
export function parseDateInput(s: string): LocalDate | null {
  const text = s.trim().replace(/\s+/g, ' ');
  let m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  if (m) return checkedDate(Number(m[4]), Number(m[3]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(text);
  if (m) {
    const month = MONTH_BY_WORD.get((m[2] ?? '').toLowerCase());
    return month === undefined ? null : checkedDate(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

export interface DateRange {
  first: LocalDate;
  last: LocalDate;
}

/**
 * The dates an evaluation of `year` may schedule a stage on: that year and the next (a late
 * stage or the final result may spill over the new year). A year typed wrong (0001, 1900, 9999)
 * falls outside, and a date that far off would only mislead the reminders and "days left".
 */
export function evaluationDateRange(year: number): DateRange {
  return { first: { year, month: 1, day: 1 }, last: { year: year + 1, month: 12, day: 31 } };
}

export function isDateInRange(d: LocalDate, range: DateRange): boolean {
  return isValidDate(d) && compareDates(d, range.first) >= 0 && compareDates(d, range.last) <= 0;
}

/** '14.00', '14:00', '9.30', '14' (whole hour); null otherwise. Indonesian style uses the dot. */
export function parseTimeInput(s: string): LocalTime | null {
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const t = { hour: Number(m[1]), minute: Number(m[2] ?? 0) };
  return isValidTime(t) ? t : null;
}

export function formatDateId(d: LocalDate): string {
  return `${d.day} ${MONTH_NAMES[d.month - 1] ?? '?'} ${d.year}`;
}

export function formatTimeId(t: LocalTime, tz: string): string {
  return `${pad(t.hour)}.${pad(t.minute)} ${zoneLabel(tz)}`;
}

export function formatDateTimeId(instant: Date, tz: string): string {
  return `${formatDateId(toLocalDate(instant, tz))} ${formatTimeId(toLocalTime(instant, tz), tz)}`;
}

export function dayNameId(d: LocalDate): string {
  return DAY_NAMES[dayOfWeek(d)] ?? '?';
}

// Date.UTC maps years 0–99 onto 1900–1999, so the year is set separately.
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function epochDay(d: LocalDate): number {
  return Math.round(utcMs(d.year, d.month, d.day) / MS_PER_DAY);
}

function fromEpochDay(n: number): LocalDate {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: LocalDate, n: number): LocalDate {
  return fromEpochDay(epochDay(d) + n);
}

/** b − a in calendar days: positive when b is later. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return epochDay(b) - epochDay(a);
}

export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return Math.sign(daysBetween(b, a)) as -1 | 0 | 1;
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(d: LocalDate): number {
  return (((epochDay(d) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

// Building an Intl.DateTimeFormat is far slower than using one, and reminders format many.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, tz: string): LocalDate & LocalTime & { second: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
  let fmt = formatters.get(tz);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, fmt);
  }
  const part: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant)) part[p.type] = Number(p.value);
  return {
    year: part.year ?? NaN, month: part.month ?? NaN, day: part.day ?? NaN,
    hour: part.hour ?? NaN, minute: part.minute ?? NaN, second: part.second ?? NaN,
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(instantMs: number, tz: string): number {
  const w = wallClock(new Date(instantMs), tz);
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

/**
 * The instant at which the zone's clocks show this date and time. The offset is looked up
 * twice so zones with DST are also right away from the transition itself.
 */
export function toInstant(date: LocalDate, time: LocalTime, tz: string): Date {
  if (!isValidDate(date) || !isValidTime(time)) {
    throw new RangeError(`Invalid local date/time: ${JSON.stringify({ ...date, ...time })}`);
  }
  const asIfUtc = utcMs(date.year, date.month, date.day, time.hour, time.minute);
  const firstGuess = asIfUtc - zoneOffsetMs(asIfUtc, tz);
  return new Date(asIfUtc - zoneOffsetMs(firstGuess, tz));
}

export function toLocalDate(instant: Date, tz: string): LocalDate {
  const { year, month, day } = wallClock(instant, tz);
  return { year, month, day };
}

export function toLocalTime(instant: Date, tz: string): LocalTime {
  const { hour, minute } = wallClock(instant, tz);
  return { hour, minute };
}

/** 'hari ini', 'besok', '3 hari lagi' or 'lewat 2 hari' for a deadline seen from today. */
export function daysLeftText(today: LocalDate, due: LocalDate): string {
  const n = daysBetween(today, due);
  if (n === 0) return 'hari ini';
  if (n === 1) return 'besok';
  return n > 0 ? `${n} hari lagi` : `lewat ${-n} hari`;
}
