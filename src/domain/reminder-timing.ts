// Decisions made when a reminder is about to go out, from the clock the caller passes: whether it
// may go now (not at night, not on a weekend or holiday), and whether it is stale (its deadline
// passed while the bot was down, so it is summarised instead of sent as if it were news).
import type { LocalDate } from './dates.ts';
import { addDays, compareDates, parseIsoDate, toLocalDate, toLocalTime } from './dates.ts';
import type { ReminderKind, ReminderPayload } from './reminder-plan.ts';
import { workingMorning } from './reminder-plan.ts';
import type { ReminderSettings } from './reminder-settings.ts';
import { isQuietHour } from './reminder-settings.ts';
import { isWorkingDay } from './working-days.ts';

/** How many days late a digest may still go out; older ones are dropped (next week's comes). */
export const DIGEST_GRACE_DAYS = 2;

/** null when a reminder may go out at `now`; else the next working morning it should wait for. */
export function deferUntil(now: Date, tz: string, holidays: ReadonlySet<string>, settings: ReminderSettings): Date | null {
  const today = toLocalDate(now, tz);
  const hour = toLocalTime(now, tz).hour;
  if (isWorkingDay(today, holidays) && !isQuietHour(settings, hour)) return null;
  // Before the morning's quiet hours end, today's morning may still come; otherwise tomorrow's.
  const morning = workingMorning(today, holidays, settings, tz);
  return morning > now ? morning : workingMorning(addDays(today, 1), holidays, settings, tz);
}

export type Staleness = 'fresh' | 'missed' | 'drop';

/**
 * 'missed': its deadline passed before it could go out, so it goes into one summary message;
 * 'drop': a digest too old to matter. Overdue notices and unreachable notices never go stale:
 * the item is still overdue, the chat still unreachable (both are re-checked when sending).
 */
export function staleness(kind: ReminderKind, payload: ReminderPayload, today: LocalDate, dueDay: LocalDate): Staleness {
  const due = payload.dueDate === undefined ? null : parseIsoDate(payload.dueDate);
  switch (kind) {
    case 'stage-group':
    case 'stage-pic':
    case 'item-due':
      return due && compareDates(due, today) < 0 ? 'missed' : 'fresh';
    case 'digest-group':
    case 'digest-private':
      // Counted from the day it was due to go out (a holiday may have moved it past its date).
      return compareDates(addDays(dueDay, DIGEST_GRACE_DAYS), today) < 0 ? 'drop' : 'fresh';
    default:
      return 'fresh';
  }
}
