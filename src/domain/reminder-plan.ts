// Which reminders fall due when, from the deadlines, the open items, the people and the settings
// of one workspace. Pure: the caller passes the data and the holidays; the clock is not read here
// (what is already past is left to the caller, which keeps a past row that is still pending and
// never creates a new one). Every occurrence has a key naming what, for whom and which
// occurrence, so planning twice gives the same rows and a moved deadline gives new keys.
import { effectiveDueDate } from './checklists.ts';
import type { LocalDate } from './dates.ts';
import { addDays, compareDates, dayOfWeek, formatIsoDate, parseIsoDate, toInstant } from './dates.ts';
import type { ReminderSettings } from './reminder-settings.ts';
import { isQuietHour } from './reminder-settings.ts';
import { nextWorkingDay, previousWorkingDay } from './working-days.ts';

export type ReminderKind =
  | 'stage-group' // a stage deadline, to a linked group
  | 'stage-pic' // the same deadline, privately to a PIC with open items for that stage
  | 'item-due' // an item's own due date is near, to its assignee (or its OPD's PICs)
  | 'item-overdue' // once, the day after an item's due date passed
  | 'overdue-coord' // the items that went overdue that day, to each coordinator, in one message
  | 'digest-group' // weekly counts to a group
  | 'digest-private' // weekly, to a person with something open
  | 'unreachable'; // a chat or person Telegram refused (403), told to the coordinators once

export interface ReminderPayload {
  evaluationId?: number | null;
  stage?: string;
  /** the deadline the reminder was planned for, ISO local date */
  dueDate?: string;
  /** days before the deadline (0 = on the day) */
  offset?: number;
  itemId?: number;
  itemIds?: number[];
  personId?: number;
  opdId?: number | null;
  /** the local date of a digest or overdue occurrence */
  date?: string;
  /** for a snoozed reminder: the key of the one it repeats */
  snoozedFrom?: string;
  /** for 'unreachable': who or what */
  subject?: string;
  subjectKind?: 'group' | 'person';
}

export interface PlannedReminder {
  key: string;
  kind: ReminderKind;
  chatId: bigint;
  dueAt: Date;
  payload: ReminderPayload;
}

export interface PlanGroup {
  chatId: bigint;
  /** an OPD's own group sees that OPD's counts; null = the workspace's group */
  opdId: number | null;
  settings: ReminderSettings;
}

export interface PlanPerson {
  personId: number;
  /** the private chat: a person's Telegram id */
  chatId: bigint;
  /** opened a private chat with the bot and has not blocked it */
  reachable: boolean;
  isCoordinator: boolean;
  /** the OPDs this person is PIC of */
  picOpdIds: number[];
}

/** An open item (finished and cancelled items are not passed in). */
export interface PlanItem {
  id: number;
  opdId: number;
  stage: string | null;
  /** the item's own due date (ISO local), null = the stage's deadline */
  dueDate: string | null;
  assigneeId: number | null;
}

export interface PlanInput {
  timeZone: string;
  holidays: ReadonlySet<string>;
  evaluationId: number | null;
  /** the evaluation's stages with a deadline (ISO local date) */
  stages: { kind: string; dueDate: string }[];
  groups: PlanGroup[];
  /** the workspace's settings for private chats */
  privateSettings: ReminderSettings;
  people: PlanPerson[];
  items: PlanItem[];
  /**
   * today in the workspace's zone, for the weekly digests: the next two are planned, and the last
   * one before today too, so that one a holiday moved past its date, or one due while the bot was
   * down, is not removed by a replan while still pending (a past one is never created anew)
   */
  today: LocalDate;
}

/** The local hour a reminder goes out: the chosen hour, or the end of quiet hours if it falls inside them. */
export function sendingHour(settings: ReminderSettings): number {
  return isQuietHour(settings, settings.hour) ? settings.quietEnd : settings.hour;
}

/** The instant of a reminder on `date` (moved to the next working day) at the settings' hour. */
export function workingMorning(date: LocalDate, holidays: ReadonlySet<string>, settings: ReminderSettings, tz: string): Date {
  return toInstant(nextWorkingDay(date, holidays), { hour: sendingHour(settings), minute: 0 }, tz);
}

/**
 * The day a reminder `offset` days before `due` goes out: that day, or the next working day; but
 * never after the deadline, and a reminder before the deadline (offset > 0) never on the deadline
 * day itself (a reminder of a deadline on a holiday, or on a Monday for H-1, would then come too
 * late), so in that case the last working day before it.
 */
export function reminderDay(due: LocalDate, offset: number, holidays: ReadonlySet<string>): LocalDate {
  const next = nextWorkingDay(addDays(due, -offset), holidays);
  const latest = offset > 0 ? addDays(due, -1) : due;
  if (compareDates(next, latest) <= 0) return next;
  return previousWorkingDay(latest, holidays);
}

/**
 * For each offset, the day it goes out; offsets that land on the same day are sent once, as the
 * one closest to the deadline (H-1 on a Monday deadline's Friday also covers H-3 moved there).
 */
export function offsetDays(due: LocalDate, offsets: readonly number[], holidays: ReadonlySet<string>): { offset: number; day: LocalDate }[] {
  const byDay = new Map<string, { offset: number; day: LocalDate }>();
  for (const offset of offsets) {
    const day = reminderDay(due, offset, holidays);
    const iso = formatIsoDate(day);
    const kept = byDay.get(iso);
    if (!kept || offset < kept.offset) byDay.set(iso, { offset, day });
  }
  return [...byDay.values()].sort((a, b) => compareDates(a.day, b.day));
}

/** The next `count` dates with ISO weekday `isoDay` (1 = Monday), from `from` on. */
function weeklyDates(from: LocalDate, isoDay: number, count: number): LocalDate[] {
  const isoWeekday = dayOfWeek(from) === 0 ? 7 : dayOfWeek(from);
  const first = addDays(from, (isoDay - isoWeekday + 7) % 7);
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
}

// Weekly digests planned: the last one before today (at most a week ago; kept while pending, never
// created anew) and the next two from today on.
const DIGEST_LOOKBACK_DAYS = 7;

function recipientsOf(item: PlanItem, people: readonly PlanPerson[]): PlanPerson[] {
  if (item.assigneeId !== null) return people.filter((p) => p.personId === item.assigneeId);
  return people.filter((p) => p.picOpdIds.includes(item.opdId));
}

export function planReminders(input: PlanInput): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const { timeZone: tz, holidays, evaluationId } = input;
  // Thousands of reminders fall on a few dozen day-and-hour pairs; a zone conversion costs ~10 µs.
  const instants = new Map<string, Date>();
  const at = (day: LocalDate, settings: ReminderSettings) => {
    const hour = sendingHour(settings);
    const key = `${day.year}-${day.month}-${day.day}T${hour}`;
    let instant = instants.get(key);
    if (instant === undefined) {
      instant = toInstant(day, { hour, minute: 0 }, tz);
      instants.set(key, instant);
    }
    return new Date(instant.getTime());
  };
  const reachable = input.people.filter((p) => p.reachable);
  const priv = input.privateSettings;

  for (const stage of evaluationId === null ? [] : input.stages) {
    const due = parseIsoDate(stage.dueDate);
    if (!due) continue;
    const base = `stage:${evaluationId}:${stage.kind}:${stage.dueDate}`;
    for (const group of input.groups) {
      if (!group.settings.enabled) continue;
      for (const { offset, day } of offsetDays(due, group.settings.stageOffsets, holidays)) {
        out.push({
          key: `${base}:${offset}:g${group.chatId}`, kind: 'stage-group', chatId: group.chatId, dueAt: at(day, group.settings),
          payload: { evaluationId, stage: stage.kind, dueDate: stage.dueDate, offset, opdId: group.opdId },
        });
      }
    }
    if (!priv.enabled) continue;
    const openOpds = new Set(input.items.filter((i) => i.stage === stage.kind).map((i) => i.opdId));
    for (const person of reachable) {
      if (!person.picOpdIds.some((opd) => openOpds.has(opd))) continue;
      for (const { offset, day } of offsetDays(due, priv.stageOffsets, holidays)) {
        out.push({
          key: `${base}:${offset}:p${person.personId}`, kind: 'stage-pic', chatId: person.chatId, dueAt: at(day, priv),
          payload: { evaluationId, stage: stage.kind, dueDate: stage.dueDate, offset, personId: person.personId },
        });
      }
    }
  }

  if (priv.enabled) {
    const overdueByDay = new Map<string, number[]>();
    const stageDue = new Map(input.stages.map((s) => [s.kind, s.dueDate]));
    for (const item of input.items) {
      // An item without a date of its own is due with its stage: it is overdue the day after the
      // stage's deadline, and told so like any other (the stage reminders already came before).
      const dueDate = effectiveDueDate(item.dueDate, item.stage === null ? null : stageDue.get(item.stage) ?? null);
      const due = dueDate === null ? null : parseIsoDate(dueDate);
      if (!due) continue;
      for (const person of item.dueDate === null ? [] : recipientsOf(item, reachable)) {
        for (const { offset, day } of offsetDays(due, priv.itemOffsets, holidays)) {
          out.push({
            key: `item:${item.id}:${item.dueDate}:${offset}:p${person.personId}`, kind: 'item-due', chatId: person.chatId, dueAt: at(day, priv),
            payload: { itemId: item.id, dueDate: item.dueDate!, offset, personId: person.personId },
          });
        }
      }
      const noticeDay = nextWorkingDay(addDays(due, 1), holidays);
      const iso = formatIsoDate(noticeDay);
      for (const person of recipientsOf(item, reachable)) {
        out.push({
          key: `overdue:${item.id}:${dueDate}:p${person.personId}`, kind: 'item-overdue', chatId: person.chatId, dueAt: at(noticeDay, priv),
          payload: { itemId: item.id, dueDate: dueDate!, personId: person.personId },
        });
      }
      overdueByDay.set(iso, [...(overdueByDay.get(iso) ?? []), item.id]);
    }
    for (const [iso, itemIds] of overdueByDay) {
      const day = parseIsoDate(iso)!;
      for (const coordinator of reachable.filter((p) => p.isCoordinator)) {
        out.push({
          key: `overdue-coord:${iso}:e${evaluationId}:p${coordinator.personId}`, kind: 'overdue-coord', chatId: coordinator.chatId, dueAt: at(day, priv),
          payload: { date: iso, itemIds: [...itemIds].sort((a, b) => a - b), personId: coordinator.personId },
        });
      }
    }
  }

  for (const group of input.groups) {
    const { settings } = group;
    if (!settings.enabled || settings.digestDay === null) continue;
    for (const date of weeklyDates(addDays(input.today, -DIGEST_LOOKBACK_DAYS), settings.digestDay, 3)) {
      const iso = formatIsoDate(date);
      out.push({
        key: `digest:${iso}:g${group.chatId}`, kind: 'digest-group', chatId: group.chatId,
        dueAt: workingMorning(date, holidays, settings, tz), payload: { date: iso, opdId: group.opdId },
      });
    }
  }
  if (priv.enabled && priv.digestDay !== null) {
    const withWork = new Set<number>();
    for (const item of input.items) {
      for (const person of recipientsOf(item, reachable)) withWork.add(person.personId);
    }
    for (const person of reachable.filter((p) => withWork.has(p.personId))) {
      for (const date of weeklyDates(addDays(input.today, -DIGEST_LOOKBACK_DAYS), priv.digestDay, 3)) {
        const iso = formatIsoDate(date);
        out.push({
          key: `digest:${iso}:e${evaluationId}:p${person.personId}`, kind: 'digest-private', chatId: person.chatId,
          dueAt: workingMorning(date, holidays, priv, tz), payload: { date: iso, personId: person.personId },
        });
      }
    }
  }
  return out;
}
