// The delivery tick: claim the due rows, then for each decide (not now: quiet hours or a holiday;
// stale: into one summary per chat; nothing left to say: skipped; else send) and record the
// outcome. Rows are sent by a small pool of workers so the sender's limiter, not the round trip,
// sets the pace; the limiter keeps every send within Telegram's limits.
import { randomUUID } from 'node:crypto';
import { formatIsoDate, toLocalDate } from '../domain/dates.ts';
import type { MissedEntry, ReminderMessage } from '../domain/reminder-messages.ts';
import { deferUntil, staleness } from '../domain/reminder-timing.ts';
import type { Db } from '../db/client.ts';
import { loadHolidayCalendar } from '../db/holidays.ts';
import { describeMissed, loadRecipient, loadReminderContent, loadWorkspaceFacts } from '../db/reminder-content.ts';
import type { ClaimedReminder } from '../db/reminder-deliveries.ts';
import { claimDueReminders, markFailed, markSending, markSent, markSkipped, reschedule } from '../db/reminder-deliveries.ts';
import type { Logger } from '../log.ts';
import type { ReminderNotifier } from './notifier.ts';

export interface DeliveryDeps {
  db: Db;
  notifier: ReminderNotifier;
  logger: Logger;
  /** parallel sends (the limiter paces them); bounds how many are in flight at a crash */
  concurrency?: number;
  /** rows claimed per round */
  batchSize?: number;
  /** a failed send is tried again after this, up to maxAttempts */
  retryDelayMs?: number;
  maxAttempts?: number;
  /** false once this process no longer holds the jobs lease: no further round is claimed */
  stillLeader?: () => boolean;
}

export interface TickSummary {
  sent: number;
  skipped: number;
  deferred: number;
  missed: number;
  failed: number;
  retried: number;
}

const emptySummary = (): TickSummary => ({ sent: 0, skipped: 0, deferred: 0, missed: 0, failed: 0, retried: 0 });

/** Sends everything due at `now`, round after round until nothing due is left. */
export async function deliverDueReminders(deps: DeliveryDeps, now: () => Date): Promise<TickSummary> {
  const token = randomUUID();
  const summary = emptySummary();
  for (;;) {
    if (deps.stillLeader && !deps.stillLeader()) return summary;
    const rows = await claimDueReminders(deps.db, now(), token, deps.batchSize ?? 500);
    if (rows.length === 0) return summary;
    await deliverRound(deps, rows, token, now, summary);
  }
}

async function deliverRound(deps: DeliveryDeps, rows: ClaimedReminder[], token: string, now: () => Date, summary: TickSummary): Promise<void> {
  const workspaces = await loadWorkspaceFacts(deps.db, [...new Set(rows.map((r) => r.workspaceId))]);
  const holidays = loadHolidayCalendar().dates;
  const at = now();
  const missedByChat = new Map<string, ClaimedReminder[]>();
  const jobs: (() => Promise<void>)[] = [];

  /** Whether the rows' chat can and may be written to now; settles them (skipped, deferred) if not. */
  const mayGoNow = async (group: ClaimedReminder[], timeZone: string): Promise<boolean> => {
    const first = group[0]!;
    const ids = group.map((r) => r.id);
    const recipient = await loadRecipient(deps.db, first);
    if (recipient.unreachable) {
      await markSkipped(deps.db, ids, recipient.unreachable);
      summary.skipped += ids.length;
      return false;
    }
    const later = first.kind === 'unreachable' ? null : deferUntil(at, timeZone, holidays, recipient.settings);
    if (later) {
      await reschedule(deps.db, ids, later);
      summary.deferred += ids.length;
      return false;
    }
    return true;
  };

  // After downtime several reminders of one deadline can be due together (H-7 and H-3): the one
  // closest to the deadline goes, the others are skipped as superseded.
  const superseded = supersededRows(rows);
  if (superseded.length > 0) {
    await markSkipped(deps.db, superseded.map((r) => r.id), 'digantikan pengingat yang lebih dekat ke batas waktu');
    summary.skipped += superseded.length;
  }
  const skippedIds = new Set(superseded.map((r) => r.id));

  for (const row of rows.filter((r) => !skippedIds.has(r.id))) {
    const ws = workspaces.get(row.workspaceId);
    if (!ws) {
      await markSkipped(deps.db, [row.id], 'workspace tidak ada');
      summary.skipped++;
      continue;
    }
    const today = toLocalDate(at, ws.timeZone);
    const state = staleness(row.kind, row.payload, today, toLocalDate(row.dueAt, ws.timeZone));
    if (state === 'missed') {
      const key = `${row.workspaceId}:${row.telegramChatId}`;
      missedByChat.set(key, [...(missedByChat.get(key) ?? []), row]);
      continue;
    }
    jobs.push(async () => {
      if (state === 'drop') {
        await markSkipped(deps.db, [row.id], 'ringkasan mingguan terlambat lebih dari 2 hari');
        summary.skipped++;
        return;
      }
      if (!(await mayGoNow([row], ws.timeZone))) return;
      const content = await loadReminderContent(deps.db, row, { workspaceName: ws.name, timeZone: ws.timeZone, today, botUsername: deps.notifier.botUsername() });
      if ('skip' in content) {
        await markSkipped(deps.db, [row.id], content.skip);
        summary.skipped++;
        return;
      }
      await sendRows(deps, [row], content.message, token, now, summary);
    });
  }
  for (const group of missedByChat.values()) {
    jobs.push(async () => {
      const first = group[0]!;
      const ws = workspaces.get(first.workspaceId)!;
      if (!(await mayGoNow(group, ws.timeZone))) return;
      const entries: MissedEntry[] = [];
      const seen = new Set<string>();
      for (const row of group) {
        const entry = await describeMissed(deps.db, row);
        const key = `${entry.what}:${entry.label}:${entry.dueDate}`;
        if (!seen.has(key)) entries.push(entry); // H-1 and hari H of one deadline: one line
        seen.add(key);
      }
      const message: ReminderMessage = {
        kind: 'missed', deliveryId: first.id, workspaceName: ws.name, timeZone: ws.timeZone, today: formatIsoDate(toLocalDate(at, ws.timeZone)), entries,
      };
      await sendRows(deps, group, message, token, now, summary, 'terlewat saat bot tidak aktif; masuk ringkasan');
    });
  }
  await runPool(jobs, deps.concurrency ?? 16, deps.logger);
}

/**
 * One message for `rows` (one row, or the rows of a summary). Each row is marked sending in its
 * own write just before the call, and settled just after it: the only window for a duplicate.
 */
async function sendRows(deps: DeliveryDeps, rows: ClaimedReminder[], message: ReminderMessage, token: string, now: () => Date, summary: TickSummary, summarised?: string): Promise<void> {
  const mine: ClaimedReminder[] = [];
  for (const row of rows) if (await markSending(deps.db, row.id, token)) mine.push(row);
  if (mine.length === 0) return; // another tick took them over
  const ids = mine.map((r) => r.id);
  const outcome = await deps.notifier.send(mine[0]!.telegramChatId, message);
  if (outcome.ok) {
    if (summarised) {
      await markSkipped(deps.db, ids, summarised);
      summary.missed += ids.length;
    } else {
      await markSent(deps.db, ids, now());
      summary.sent += ids.length;
    }
    return;
  }
  const attempts = Math.max(...mine.map((r) => r.attempts + 1));
  if (outcome.retryable && attempts < (deps.maxAttempts ?? 5)) {
    const delay = Math.max((outcome.retryAfterSeconds ?? 0) * 1000, (deps.retryDelayMs ?? 60_000) * 2 ** (attempts - 1));
    await reschedule(deps.db, ids, new Date(now().getTime() + delay), outcome.error);
    summary.retried += ids.length;
    return;
  }
  deps.logger.warn({ chatId: mine[0]!.telegramChatId.toString(), kind: message.kind, error: outcome.error }, 'reminder not delivered');
  for (const id of ids) await markFailed(deps.db, id, outcome.error);
  summary.failed += ids.length;
}

/** Rows of the same deadline, chat and kind but a larger offset than another due row. */
function supersededRows(rows: ClaimedReminder[]): ClaimedReminder[] {
  const best = new Map<string, ClaimedReminder>();
  const out: ClaimedReminder[] = [];
  for (const row of rows) {
    const p = row.payload;
    if (p.offset === undefined || !['stage-group', 'stage-pic', 'item-due'].includes(row.kind)) continue;
    const key = `${row.telegramChatId}:${row.kind}:${p.stage ?? p.itemId}:${p.dueDate}`;
    const kept = best.get(key);
    if (!kept) {
      best.set(key, row);
    } else if (p.offset < (kept.payload.offset ?? 0)) {
      out.push(kept);
      best.set(key, row);
    } else {
      out.push(row);
    }
  }
  return out;
}

async function runPool(jobs: (() => Promise<void>)[], size: number, logger: Logger): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      // One row's failure (a database error) must not stop the others; its claim lapses and a
      // later tick takes it again.
      await jobs[next++]!().catch((error: unknown) => logger.error({ err: error }, 'reminder delivery failed'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, jobs.length) }, worker));
}
