// Working days as Indonesian government offices keep them: Monday to Friday, minus national
// holidays (libur nasional) and cuti bersama, both set each year by the SKB of the Ministers of
// Religious Affairs, Manpower and PANRB. Reminders only go out on working days, so one that falls
// on a day off moves to the next working morning. The holidays come in as a set of ISO dates
// (prisma/data/holidays/<year>.json, read in src/db/holidays.ts); nothing here reads files.

import type { LocalDate } from './dates.ts';
import { addDays, dayOfWeek, formatIsoDate, isValidDate } from './dates.ts';

// The longest real run of days off is the Idul Fitri block (11 days in 2025, weekends included);
// 60 days without a working day can only mean a broken holiday set, which must not hang a sweep.
const MAX_DAYS_SEARCHED = 60;

export function isWorkingDay(date: LocalDate, holidays: ReadonlySet<string>): boolean {
  if (!isValidDate(date)) throw new RangeError(`Invalid date: ${JSON.stringify(date)}`);
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !holidays.has(formatIsoDate(date));
}

/** The date itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: LocalDate, holidays: ReadonlySet<string>): LocalDate {
  return firstWorkingDay(date, holidays, 1);
}

/** The date itself when it is a working day, otherwise the last working day before it. */
export function previousWorkingDay(date: LocalDate, holidays: ReadonlySet<string>): LocalDate {
  return firstWorkingDay(date, holidays, -1);
}

function firstWorkingDay(date: LocalDate, holidays: ReadonlySet<string>, step: 1 | -1): LocalDate {
  for (let i = 0; i <= MAX_DAYS_SEARCHED; i++) {
    const candidate = addDays(date, i * step);
    if (isWorkingDay(candidate, holidays)) return candidate;
  }
  throw new RangeError(
    `No working day within ${MAX_DAYS_SEARCHED} days ${step > 0 ? 'after' : 'before'} ${formatIsoDate(date)}`,
  );
}
