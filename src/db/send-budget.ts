// The send budget every process of the bot shares: one row per message let go to Telegram
// (SendSlot), so Telegram's limits (30/s overall, 20/min per group, 1/s per chat) hold for the bot
// as a whole however many processes send. A booking reads the window and writes its slot in one
// transaction that first writes the one SendBudgetLock row, so bookings from every process take
// turns (PostgreSQL: that row's lock, held to commit; SQLite: the database's write lock).
import type { Db } from './client.ts';
import { dialectOf } from './client.ts';

/** The sends that count against one more message to a chat, in milliseconds since the epoch, oldest first. */
export interface SendWindow {
  /** every send of the last second, whatever the chat */
  recent: number[];
  /** the chat's sends of the last minute */
  chat: number[];
}

export type Booking = { slotId: number } | { waitMs: number };

const MINUTE = 60_000;

/**
 * Books a slot for a message to `chatId` at `now` when `waitFor` (given the window) says it may
 * go at once, or returns how long to wait before asking again. Rows older than a minute go.
 */
export async function bookSendSlot(db: Db, chatId: number, now: number, waitFor: (window: SendWindow) => number): Promise<Booking> {
  // Read committed on PostgreSQL: after waiting for the lock row, the reads must see what the
  // process before committed (under Serializable the wait would end in a conflict and a retry).
  // (The one Db type is SQLite's client, whose options know only Serializable: hence the cast.)
  const options = (dialectOf(db) === 'postgresql' ? { isolationLevel: 'ReadCommitted' } : undefined) as { isolationLevel?: 'Serializable' } | undefined;
  return db.$transaction(async (tx) => {
    await tx.sendBudgetLock.upsert({ where: { id: 1 }, create: { id: 1, lastAt: BigInt(now) }, update: { lastAt: BigInt(now) } });
    await tx.sendSlot.deleteMany({ where: { at: { lt: BigInt(now - MINUTE) } } });
    const recent = await tx.sendSlot.findMany({ where: { at: { gt: BigInt(now - 1_000) } }, select: { at: true }, orderBy: { at: 'asc' } });
    const chat = await tx.sendSlot.findMany({ where: { chatId: BigInt(chatId), at: { gt: BigInt(now - MINUTE) } }, select: { at: true }, orderBy: { at: 'asc' } });
    const waitMs = waitFor({ recent: recent.map((r) => Number(r.at)), chat: chat.map((r) => Number(r.at)) });
    if (waitMs > 0) return { waitMs };
    const slot = await tx.sendSlot.create({ data: { chatId: BigInt(chatId), at: BigInt(now) }, select: { id: true } });
    return { slotId: slot.id };
  }, options);
}

/** The call of a slot has ended: Telegram has counted the message by now, so its slot runs from `at`. */
export async function settleSendSlot(db: Db, slotId: number, at: number): Promise<void> {
  await db.sendSlot.updateMany({ where: { id: slotId }, data: { at: BigInt(at) } });
}
