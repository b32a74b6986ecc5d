// The life of a ReminderDelivery row: pending → (claimed by one tick) → sending → sent | failed |
// skipped. A row is marked `sending` in its own write just before its HTTP call and `sent` just
// after, so a crash can leave at most the rows in flight unsure; those are sent again on start-up
// (at least once), while rows merely claimed go back to pending untouched (never twice).
// A group that became a supergroup takes its rows to its new id (moveChatDeliveries): a claim on a
// pending row is then withdrawn, because the tick holding it has the old id in hand; that tick
// neither sends nor settles the row (markSending, markSkipped and reschedule need a claim), and the
// next tick sends it to the new id.
import type { ReminderKind, ReminderPayload } from '../domain/reminder-plan.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './client.ts';
import { SNOOZE_MARK } from './reminder-plan.ts';

export interface ClaimedReminder {
  id: number;
  workspaceId: number;
  key: string;
  kind: ReminderKind;
  telegramChatId: bigint;
  dueAt: Date;
  attempts: number;
  payload: ReminderPayload;
}

/** A claim older than this is taken as abandoned (its tick died) and may be claimed again. */
export const CLAIM_LEASE_MS = 10 * 60_000;

/** On start-up (one process owns the database): claims of the dead process are released, and
 *  the rows it was sending are made pending again, to be sent again. Returns both counts. */
export async function recoverAfterRestart(db: Db): Promise<{ released: number; inFlight: number }> {
  return db.$transaction(async (tx) => {
    const inFlight = await tx.reminderDelivery.updateMany({ where: { state: 'sending' }, data: { state: 'pending', claimToken: null, claimedAt: null } });
    const released = await tx.reminderDelivery.updateMany({ where: { state: 'pending', claimToken: { not: null } }, data: { claimToken: null, claimedAt: null } });
    return { released: released.count, inFlight: inFlight.count };
  });
}

function toClaimed(row: { id: number; workspaceId: number; key: string; kind: string; telegramChatId: bigint; dueAt: Date; attempts: number; payload: string }): ClaimedReminder {
  let payload: ReminderPayload = {};
  try {
    payload = JSON.parse(row.payload) as ReminderPayload;
  } catch {
    // a hand-edited payload: the row is then skipped by the content check
  }
  return { ...row, kind: row.kind as ReminderKind, payload };
}

/**
 * Claims up to `limit` due rows for this tick, oldest first. The conditional update is one
 * statement, so two overlapping ticks (or processes) never claim the same row.
 */
export async function claimDueReminders(db: Db, now: Date, token: string, limit: number): Promise<ClaimedReminder[]> {
  const expired = new Date(now.getTime() - CLAIM_LEASE_MS);
  const claimable = { state: 'pending', dueAt: { lte: now }, OR: [{ claimToken: null }, { claimedAt: { lt: expired } }] };
  const candidates = await db.reminderDelivery.findMany({ where: claimable, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: limit, select: { id: true } });
  if (candidates.length === 0) return [];
  await db.reminderDelivery.updateMany({ where: { ...claimable, id: { in: candidates.map((c) => c.id) } }, data: { claimToken: token, claimedAt: now } });
  const rows = await db.reminderDelivery.findMany({ where: { claimToken: token, state: 'pending' }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toClaimed);
}

/** The last write before the HTTP call; false when the claim was lost (the row is someone else's now). */
export async function markSending(db: Db, id: number, token: string): Promise<boolean> {
  const { count } = await db.reminderDelivery.updateMany({ where: { id, claimToken: token, state: 'pending' }, data: { state: 'sending', attempts: { increment: 1 } } });
  return count === 1;
}

export async function markSent(db: Db, ids: number[], at: Date): Promise<void> {
  await db.reminderDelivery.updateMany({ where: { id: { in: ids } }, data: { state: 'sent', sentAt: at, lastError: null, claimToken: null } });
}

export async function markFailed(db: Db, id: number, error: string): Promise<void> {
  await db.reminderDelivery.update({ where: { id }, data: { state: 'failed', lastError: error.slice(0, 500), claimToken: null } });
}

// Only rows still claimed are settled: a row whose claim was withdrawn (it moved to a new chat id)
// is left pending for the next tick.
const stillClaimed = (ids: number[]) => ({ id: { in: ids }, claimToken: { not: null } });

/** Not sent, on purpose: the work was done, the chat is unreachable, or it went into a summary. */
export async function markSkipped(db: Db, ids: number[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db.reminderDelivery.updateMany({ where: stillClaimed(ids), data: { state: 'skipped', lastError: reason, claimToken: null } });
}

/** Back to pending for a later time (quiet hours, a holiday, a transient failure). */
export async function reschedule(db: Db, ids: number[], dueAt: Date, error: string | null = null): Promise<void> {
  if (ids.length === 0) return;
  await db.reminderDelivery.updateMany({ where: stillClaimed(ids), data: { state: 'pending', dueAt, claimToken: null, claimedAt: null, ...(error ? { lastError: error.slice(0, 500) } : {}) } });
}

/** A key naming the group `from` (`…:g<id>`, a snooze's `…:g<id>:tunda@…`) renamed to `to`. */
export function keyForChat(key: string, from: bigint, to: bigint): string {
  return key.replace(new RegExp(`:g${from}(?=:|$)`, 'g'), `:g${to}`);
}

export interface MovedDeliveries {
  moved: number;
  /** pending rows whose occurrence already had a row at the new id */
  dropped: number;
  workspaceIds: number[];
}

/**
 * Every row of the group `from` (now the supergroup `to`) moves there, its key renamed with it:
 * pending rows to be sent at the new id, done ones so that a replan finds each occurrence done and
 * never plans it again. An occurrence with a row at both ids keeps one: a pending row gives way to
 * one in flight or done. Idempotent: a second call finds no row at `from` left to move (or only
 * done ones that gave way).
 */
export async function moveChatDeliveries(tx: Prisma.TransactionClient, from: bigint, to: bigint): Promise<MovedDeliveries> {
  const rows = await tx.reminderDelivery.findMany({ where: { telegramChatId: from }, select: { id: true, key: true, state: true, workspaceId: true } });
  const result: MovedDeliveries = { moved: 0, dropped: 0, workspaceIds: [...new Set(rows.map((r) => r.workspaceId))] };
  const existing = new Map<string, { id: number; state: string }>();
  const renamed = rows.map((row) => ({ ...row, newKey: keyForChat(row.key, from, to) }));
  for (let i = 0; i < renamed.length; i += 500) {
    const keys = renamed.slice(i, i + 500).map((r) => r.newKey).filter((k, j) => k !== renamed[i + j]!.key);
    for (const row of await tx.reminderDelivery.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, state: true } })) existing.set(row.key, row);
  }
  for (const row of renamed) {
    const other = existing.get(row.newKey);
    if (other && row.state === 'pending') {
      await tx.reminderDelivery.delete({ where: { id: row.id } });
      result.dropped++;
      continue;
    }
    if (other && other.state !== 'pending') continue; // both done: each keeps its own history
    if (other) {
      await tx.reminderDelivery.delete({ where: { id: other.id } });
      result.dropped++;
    }
    await tx.reminderDelivery.update({
      where: { id: row.id },
      data: { key: row.newKey, telegramChatId: to, ...(row.state === 'pending' ? { claimToken: null, claimedAt: null } : {}) },
    });
    result.moved++;
  }
  return result;
}

export async function findDelivery(db: Db, id: number) {
  return db.reminderDelivery.findUnique({ where: { id } });
}

export type SnoozeOutcome = { kind: 'snoozed'; dueAt: Date } | { kind: 'already'; dueAt: Date };

/** "Tunda": the same reminder again at `dueAt`, once per target time (pressing twice adds nothing). */
export async function snoozeReminder(db: Db, original: { id: number; workspaceId: number; key: string; kind: string; telegramChatId: bigint; payload: string }, dueAt: Date, localDate: string): Promise<SnoozeOutcome> {
  const base = original.key.split(SNOOZE_MARK)[0]!;
  const key = `${base}${SNOOZE_MARK}${localDate}`;
  const existing = await db.reminderDelivery.findUnique({ where: { key } });
  if (existing) return { kind: 'already', dueAt: existing.dueAt };
  const payload = { ...(JSON.parse(original.payload) as ReminderPayload), snoozedFrom: original.key };
  await db.reminderDelivery.create({
    data: { workspaceId: original.workspaceId, key, kind: original.kind, telegramChatId: original.telegramChatId, dueAt, payload: JSON.stringify(payload) },
  });
  return { kind: 'snoozed', dueAt };
}
