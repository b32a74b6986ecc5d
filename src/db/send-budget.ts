// The send budget every process of the bot shares: one row per message let go to Telegram
// (SendSlot), so Telegram's limits (30/s overall, 20/min per group, 1/s per chat) hold for the bot
// as a whole however many processes send. A booking reads the window and writes its slot in one
// transaction that first writes the one SendBudgetLock row, so bookings from every process take
// turns (PostgreSQL: that row's lock, held to commit; SQLite: the database's write lock).
import type { Db } from './client.ts';
import { dialectOf } from './client.ts';
import { executeRaw, queryRaw } from './raw-sql.ts';

/** The sends that count against one more message to a chat, in milliseconds since the epoch, oldest first. */
export interface SendWindow {
  /** every send of the last second, whatever the chat */
  recent: number[];
  /** the chat's sends of the last minute */
  chat: number[];
}

export type Booking = { slotId: number } | { waitMs: number };

const MINUTE = 60_000;

// Plain statements: a booking runs before every message while another process is alive, and
// through the query builder it was nine statements (about 6 ms of a command on PostgreSQL).
const LOCK_SQL = `INSERT INTO "SendBudgetLock" ("id", "lastAt") VALUES (1, ?) ON CONFLICT ("id") DO UPDATE SET "lastAt" = excluded."lastAt"`;
// Both parts of the window in one statement, each on its own index: k = 1 the last second's
// sends, k = 2 the chat's sends of the last minute.
const WINDOW_SQL = `SELECT 1 AS "k", "at" FROM "SendSlot" WHERE "at" > ?
UNION ALL SELECT 2 AS "k", "at" FROM "SendSlot" WHERE "chatId" = ? AND "at" > ?
ORDER BY 1, 2`;
const SLOT_SQL = `INSERT INTO "SendSlot" ("chatId", "at") VALUES (?, ?) RETURNING "id"`;
const PRUNE_SQL = `DELETE FROM "SendSlot" WHERE "at" < ?`;
/** Rows older than a minute count for nothing (the reads skip them); removed every 10 s, not on every booking. */
const PRUNE_EVERY_MS = 10_000;
const lastPrune = new WeakMap<Db, number>();

/**
 * Books a slot for a message to `chatId` at `now` when `waitFor` (given the window) says it may
 * go at once, or returns how long to wait before asking again.
 */
export async function bookSendSlot(db: Db, chatId: number, now: number, waitFor: (window: SendWindow) => number): Promise<Booking> {
  // Read committed on PostgreSQL: after waiting for the lock row, the reads must see what the
  // process before committed (under Serializable the wait would end in a conflict and a retry).
  // (The one Db type is SQLite's client, whose options know only Serializable: hence the cast.)
  const options = (dialectOf(db) === 'postgresql' ? { isolationLevel: 'ReadCommitted' } : undefined) as { isolationLevel?: 'Serializable' } | undefined;
  const prune = now - (lastPrune.get(db) ?? 0) >= PRUNE_EVERY_MS;
  if (prune) lastPrune.set(db, now);
  return db.$transaction(async (tx) => {
    await executeRaw(tx, LOCK_SQL, BigInt(now));
    if (prune) await executeRaw(tx, PRUNE_SQL, BigInt(now - MINUTE));
    const rows = await queryRaw<{ k: number | bigint; at: number | bigint }>(tx, WINDOW_SQL, BigInt(now - 1_000), BigInt(chatId), BigInt(now - MINUTE));
    const window: SendWindow = { recent: [], chat: [] };
    for (const row of rows) (Number(row.k) === 1 ? window.recent : window.chat).push(Number(row.at));
    const waitMs = waitFor(window);
    if (waitMs > 0) return { waitMs };
    const [slot] = await queryRaw<{ id: number | bigint }>(tx, SLOT_SQL, BigInt(chatId), BigInt(now));
    return { slotId: Number(slot!.id) };
  }, options);
}

/** The call of a slot has ended: Telegram has counted the message by now, so its slot runs from `at`. */
export async function settleSendSlot(db: Db, slotId: number, at: number): Promise<void> {
  await executeRaw(db, `UPDATE "SendSlot" SET "at" = ? WHERE "id" = ?`, BigInt(at), slotId);
}
