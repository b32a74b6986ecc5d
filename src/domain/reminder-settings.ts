// Reminder settings of one chat (a group's) or of a workspace's private chats. Stored as JSON so a
// new field needs no migration; reading is forgiving: a field that is missing or unreadable falls
// back to its default, so an old or hand-edited value never stops reminders.
import { z } from 'zod';

/** Days before a stage deadline a reminder may be set for (0 = on the day). */
export const STAGE_OFFSET_CHOICES = [14, 7, 3, 1, 0] as const;
/** Days before an item's own due date. */
export const ITEM_OFFSET_CHOICES = [7, 3, 1] as const;
/** Hours offered for the reminder's time of day (all outside the default quiet hours). */
export const HOUR_CHOICES = [7, 8, 9, 10, 13, 15] as const;

export interface ReminderSettings {
  enabled: boolean;
  /** days before a stage deadline, descending; 0 = on the day */
  stageOffsets: number[];
  /** days before an item's own due date, descending (private reminders) */
  itemOffsets: number[];
  /** local hour of day reminders go out */
  hour: number;
  /** weekly digest day, 1 = Senin … 5 = Jumat (ISO numbering); null = no digest */
  digestDay: number | null;
  /** quiet hours [start, end) in local hours; a reminder never goes out inside them */
  quietStart: number;
  quietEnd: number;
}

export const DEFAULT_SETTINGS: ReminderSettings = {
  enabled: true,
  stageOffsets: [7, 3, 1, 0],
  itemOffsets: [3, 1],
  hour: 8,
  digestDay: 1,
  quietStart: 20,
  quietEnd: 6,
};

const hour = z.number().int().min(0).max(23);
const offsets = z.array(z.number().int().min(0).max(60)).max(10);

const fields = {
  enabled: z.boolean(),
  stageOffsets: offsets,
  itemOffsets: offsets,
  hour,
  digestDay: z.number().int().min(1).max(7).nullable(),
  quietStart: hour,
  quietEnd: hour,
} as const;

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => b - a);
}

/** Reads stored settings; anything missing or invalid takes its default, field by field. */
export function parseSettings(json: string | null | undefined): ReminderSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '{}');
  } catch {
    raw = {};
  }
  const source = raw !== null && typeof raw === 'object' ? raw as Record<string, unknown> : {};
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [name, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(source[name]);
    if (parsed.success) out[name] = parsed.data;
  }
  const settings = out as unknown as ReminderSettings;
  return { ...settings, stageOffsets: sortedUnique(settings.stageOffsets), itemOffsets: sortedUnique(settings.itemOffsets) };
}

/** Only what differs from the defaults is stored, so a later default change reaches everyone else. */
export function serializeSettings(settings: ReminderSettings): string {
  const diff: Record<string, unknown> = {};
  for (const name of Object.keys(fields) as (keyof ReminderSettings)[]) {
    if (JSON.stringify(settings[name]) !== JSON.stringify(DEFAULT_SETTINGS[name])) diff[name] = settings[name];
  }
  return JSON.stringify(diff);
}

/** Whether a local hour falls in the quiet hours (which may wrap past midnight). */
export function isQuietHour(settings: Pick<ReminderSettings, 'quietStart' | 'quietEnd'>, localHour: number): boolean {
  const { quietStart: start, quietEnd: end } = settings;
  if (start === end) return false;
  return start < end ? localHour >= start && localHour < end : localHour >= start || localHour < end;
}

/** The settings after toggling one offset in or out (a setting with no offset at all is allowed: no stage reminders). */
export function toggleOffset(settings: ReminderSettings, list: 'stageOffsets' | 'itemOffsets', days: number): ReminderSettings {
  const current = settings[list];
  const next = current.includes(days) ? current.filter((d) => d !== days) : [...current, days];
  return { ...settings, [list]: sortedUnique(next) };
}

export const DAY_NAMES_ISO = ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'] as const;

/** "H-7, H-3, H-1, hari H" */
export function describeOffsets(values: readonly number[]): string {
  if (values.length === 0) return 'tidak ada';
  return values.map((d) => (d === 0 ? 'hari H' : `H-${d}`)).join(', ');
}

/** Digest days offered: working days only, since a digest on a weekend would be moved anyway. */
export const DIGEST_DAY_CHOICES = [1, 2, 3, 4, 5] as const;

/**
 * One change a person makes from the settings message. Each says the state wanted ("H-7 off"),
 * not "flip it": a double tap, or a press on an older copy of the message, then does what the
 * button showed instead of undoing it.
 */
export type SettingsChange =
  | { kind: 'enabled'; on: boolean }
  | { kind: 'offset'; list: 'stageOffsets' | 'itemOffsets'; days: number; on: boolean }
  | { kind: 'hour'; hour: number }
  | { kind: 'digest'; day: number | null };

const OFFSET_CHOICES: Record<'stageOffsets' | 'itemOffsets', readonly number[]> = {
  stageOffsets: STAGE_OFFSET_CHOICES,
  itemOffsets: ITEM_OFFSET_CHOICES,
};

/** The settings after a change, or null when the change asks for a value that is not offered. */
export function applyChange(settings: ReminderSettings, change: SettingsChange): ReminderSettings | null {
  switch (change.kind) {
    case 'enabled':
      return { ...settings, enabled: change.on };
    case 'offset': {
      if (!OFFSET_CHOICES[change.list].includes(change.days)) return null;
      const has = settings[change.list].includes(change.days);
      return has === change.on ? settings : toggleOffset(settings, change.list, change.days);
    }
    case 'hour':
      return (HOUR_CHOICES as readonly number[]).includes(change.hour) ? { ...settings, hour: change.hour } : null;
    case 'digest':
      if (change.day !== null && !(DIGEST_DAY_CHOICES as readonly number[]).includes(change.day)) return null;
      return { ...settings, digestDay: change.day };
  }
}

/** Whether two settings would be stored alike (so saving one over the other changes nothing). */
export function sameSettings(a: ReminderSettings, b: ReminderSettings): boolean {
  return serializeSettings(a) === serializeSettings(b);
}
