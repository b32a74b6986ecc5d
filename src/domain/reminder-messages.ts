// What a reminder says, as data: the jobs layer fills it from the database at sending time (so
// it reflects the work as it is then), the bot layer turns it into Telegram HTML and buttons.
import type { ItemStatus } from './checklists.ts';

export interface ReminderItem {
  id: number;
  title: string;
  opdName: string;
  indicatorNo: number | null;
  status: ItemStatus;
  /** ISO local date, the item's own or its stage's */
  dueDate: string | null;
  /** shown only in private messages to coordinators */
  assigneeName?: string | null;
}

export interface StatusCounts {
  total: number;
  selesai: number;
  diajukan: number;
  proses: number;
  revisi: number;
  belum: number;
  overdue: number;
}

/** A PIC the bot cannot write to privately, named (once a day) in a group's reminder. */
export interface UnreachablePic {
  name: string;
  opdName: string;
}

interface Base {
  /** the delivery row, for the snooze buttons */
  deliveryId: number;
  workspaceName: string;
  timeZone: string;
  /** ISO local date of today, for "3 hari lagi" */
  today: string;
}

export type ReminderMessage =
  | (Base & { kind: 'stage-group'; stageLabel: string; dueDate: string; dueTime: string | null; opdName: string | null; counts: StatusCounts; unreachable: UnreachablePic[]; botUsername: string | null })
  | (Base & { kind: 'stage-pic'; stageLabel: string; dueDate: string; dueTime: string | null; items: ReminderItem[]; more: number })
  | (Base & { kind: 'item-due' | 'item-overdue'; item: ReminderItem })
  | (Base & { kind: 'overdue-coord'; items: ReminderItem[]; more: number })
  | (Base & { kind: 'digest-group'; opdName: string | null; counts: StatusCounts; nextStage: { label: string; dueDate: string } | null; unreachable: UnreachablePic[]; botUsername: string | null })
  | (Base & { kind: 'digest-private'; items: ReminderItem[]; more: number; overdue: number })
  | (Base & { kind: 'unreachable'; subjectKind: 'group' | 'person'; subject: string; botUsername: string | null })
  | (Base & { kind: 'missed'; entries: MissedEntry[] });

/** One reminder that fell due while the bot was down and whose deadline has passed. */
export interface MissedEntry {
  what: 'stage' | 'item' | 'digest';
  label: string;
  dueDate: string | null;
}

export type ReminderMessageKind = ReminderMessage['kind'];
