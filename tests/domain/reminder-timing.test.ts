// When a reminder about to go out must wait (night, weekend, holiday) and when it has gone stale,
// from a clock the test passes. Asia/Makassar (WITA, UTC+8): 08.00 local is 00.00Z.
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/dates.ts';
import { toLocalDate, toLocalTime } from '../../src/domain/dates.ts';
import type { ReminderKind, ReminderPayload } from '../../src/domain/reminder-plan.ts';
import type { ReminderSettings } from '../../src/domain/reminder-settings.ts';
import { DEFAULT_SETTINGS, isQuietHour } from '../../src/domain/reminder-settings.ts';
import { deferUntil, DIGEST_GRACE_DAYS, staleness } from '../../src/domain/reminder-timing.ts';
import { isWorkingDay } from '../../src/domain/working-days.ts';

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const WITA = 'Asia/Makassar';
const WIB = 'Asia/Jakarta';
const WIT = 'Asia/Jayapura';
const HOLIDAYS: ReadonlySet<string> = new Set(['2026-08-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);

/** deferUntil at a local wall-clock time given as an instant in UTC, answered in ISO. */
const defer = (utc: string, settings: ReminderSettings = DEFAULT_SETTINGS, tz = WITA) => deferUntil(new Date(utc), tz, HOLIDAYS, settings)?.toISOString() ?? null;

describe('deferUntil', () => {
  it('a weekday at 10.00 may go now', () => {
    expect(defer('2026-09-16T02:00:00Z')).toBeNull(); // Wednesday 10.00 WITA
    expect(defer('2026-09-18T11:59:00Z')).toBeNull(); // Friday 19.59 WITA, the last minute before quiet hours
    expect(defer('2026-09-16T22:00:00Z')).toBeNull(); // Thursday 06.00 WITA, the first minute after them
  });

  it('on a Saturday or Sunday waits for Monday 08.00', () => {
    expect(defer('2026-09-19T02:00:00Z')).toBe('2026-09-21T00:00:00.000Z'); // Saturday 10.00
    expect(defer('2026-09-20T13:00:00Z')).toBe('2026-09-21T00:00:00.000Z'); // Sunday 21.00
    expect(defer('2026-09-18T23:00:00Z')).toBe('2026-09-21T00:00:00.000Z'); // Saturday 07.00
  });

  it('on a holiday waits for the next working morning', () => {
    expect(defer('2026-08-17T03:00:00Z')).toBe('2026-08-18T00:00:00.000Z'); // Monday 17 Agustus, 11.00
    expect(defer('2026-03-20T02:00:00Z')).toBe('2026-03-25T00:00:00.000Z'); // Idul Fitri block: Wednesday 25th
  });

  it('at 23.00 on a weekday waits for the next working morning', () => {
    expect(defer('2026-09-16T15:00:00Z')).toBe('2026-09-17T00:00:00.000Z'); // Wednesday 23.00 → Thursday 08.00
    expect(defer('2026-09-18T15:00:00Z')).toBe('2026-09-21T00:00:00.000Z'); // Friday 23.00 → Monday 08.00
    expect(defer('2026-08-14T13:00:00Z')).toBe('2026-08-18T00:00:00.000Z'); // Friday 21.00 before 17 Agustus → Tuesday
  });

  it('at 05.00 (quiet until 06.00) waits for the chosen hour of the same morning, 08.00, not the end of quiet hours', () => {
    expect(defer('2026-09-15T21:00:00Z')).toBe('2026-09-16T00:00:00.000Z'); // Wednesday 05.00 → 08.00
    // with 07.00 chosen, 07.00
    expect(defer('2026-09-15T21:00:00Z', { ...DEFAULT_SETTINGS, hour: 7 })).toBe('2026-09-15T23:00:00.000Z');
    // with an hour inside quiet hours (22.00), the end of them: 06.00
    expect(defer('2026-09-15T21:00:00Z', { ...DEFAULT_SETTINGS, hour: 22 })).toBe('2026-09-15T22:00:00.000Z');
  });

  it('counts in the workspace’s own zone: 21.00 WIB is still 23.00 WIT', () => {
    // 14.00Z Wednesday: 21.00 WIB (quiet), 22.00 WITA (quiet), 23.00 WIT (quiet); each waits for its own 08.00
    expect(defer('2026-09-16T14:00:00Z', DEFAULT_SETTINGS, WIB)).toBe('2026-09-17T01:00:00.000Z');
    expect(defer('2026-09-16T14:00:00Z', DEFAULT_SETTINGS, WITA)).toBe('2026-09-17T00:00:00.000Z');
    expect(defer('2026-09-16T14:00:00Z', DEFAULT_SETTINGS, WIT)).toBe('2026-09-16T23:00:00.000Z');
    // 12.30Z: 19.30 WIB may go, 21.30 WIT may not
    expect(defer('2026-09-16T12:30:00Z', DEFAULT_SETTINGS, WIB)).toBeNull();
    expect(defer('2026-09-16T12:30:00Z', DEFAULT_SETTINGS, WIT)).toBe('2026-09-16T23:00:00.000Z');
  });

  it('every hour of a week, with several settings: the wait ends later, on a working day, outside quiet hours', () => {
    const settingsList: ReminderSettings[] = [
      DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, hour: 22 }, { ...DEFAULT_SETTINGS, hour: 13, quietStart: 12, quietEnd: 14 },
      { ...DEFAULT_SETTINGS, quietStart: 0, quietEnd: 0 },
    ];
    for (const settings of settingsList) {
      for (let h = 0; h < 24 * 8; h++) {
        const now = new Date(Date.UTC(2026, 7, 12, h - 8, 30)); // from Wednesday 12 August 00.30 WITA, across 17 Agustus
        const until = deferUntil(now, WITA, HOLIDAYS, settings);
        const label = `${now.toISOString()} ${JSON.stringify(settings)}`;
        const local = toLocalDate(now, WITA);
        const free = isWorkingDay(local, HOLIDAYS) && !isQuietHour(settings, toLocalTime(now, WITA).hour);
        expect(until === null, label).toBe(free);
        if (until === null) continue;
        expect(until.getTime(), label).toBeGreaterThan(now.getTime());
        expect(until.getTime() - now.getTime(), label).toBeLessThanOrEqual(5 * 86_400_000);
        expect(isWorkingDay(toLocalDate(until, WITA), HOLIDAYS), label).toBe(true);
        expect(isQuietHour(settings, toLocalTime(until, WITA).hour), label).toBe(false);
      }
    }
  });
});

describe('staleness', () => {
  const today = d(2026, 9, 21);
  const stage: ReminderPayload = { evaluationId: 1, stage: 'dokumen', dueDate: '2026-09-18', offset: 1 };

  it.each<[ReminderKind]>([['stage-group'], ['stage-pic'], ['item-due']])('%s whose deadline passed is missed; on or before the deadline it is fresh', (kind) => {
    expect(staleness(kind, stage, today, d(2026, 9, 17))).toBe('missed');
    expect(staleness(kind, { ...stage, dueDate: '2026-09-21' }, today, d(2026, 9, 21))).toBe('fresh');
    expect(staleness(kind, { ...stage, dueDate: '2026-09-22' }, today, d(2026, 9, 21))).toBe('fresh');
  });

  it(`a digest more than ${DIGEST_GRACE_DAYS} days late is dropped, counted from the day it was due to go out`, () => {
    expect(DIGEST_GRACE_DAYS).toBe(2);
    for (const kind of ['digest-group', 'digest-private'] as const) {
      const payload = { date: '2026-09-14' };
      expect(staleness(kind, payload, d(2026, 9, 14), d(2026, 9, 14))).toBe('fresh');
      expect(staleness(kind, payload, d(2026, 9, 16), d(2026, 9, 14))).toBe('fresh');
      expect(staleness(kind, payload, d(2026, 9, 17), d(2026, 9, 14))).toBe('drop');
      // Monday 17 Agustus moved to Tuesday 18th: two days late is the 20th, not the 19th
      expect(staleness(kind, { date: '2026-08-17' }, d(2026, 8, 20), d(2026, 8, 18))).toBe('fresh');
      expect(staleness(kind, { date: '2026-08-17' }, d(2026, 8, 21), d(2026, 8, 18))).toBe('drop');
    }
  });

  it('overdue and unreachable notices never go stale', () => {
    const longAfter = d(2026, 12, 1);
    expect(staleness('item-overdue', { itemId: 7, dueDate: '2026-09-18' }, longAfter, d(2026, 9, 21))).toBe('fresh');
    expect(staleness('overdue-coord', { date: '2026-09-21', itemIds: [7] }, longAfter, d(2026, 9, 21))).toBe('fresh');
    expect(staleness('unreachable', { subject: 'Tim SPBE', subjectKind: 'group' }, longAfter, d(2026, 9, 21))).toBe('fresh');
  });
});
