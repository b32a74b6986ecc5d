import type { Db } from './client.ts';

/**
 * Claims an update id before it is handled: true the first time, false for a repeat (a webhook
 * retry, or polling again after a crash). The primary key makes the check atomic.
 */
export async function claimUpdate(db: Db, updateId: number): Promise<boolean> {
  const inserted = await db.$executeRaw`INSERT INTO "ProcessedUpdate" ("updateId") VALUES (${BigInt(updateId)}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/** Telegram keeps unconfirmed updates for 24 hours; ids older than that cannot come back. */
export async function forgetOldUpdates(db: Db, before: Date): Promise<number> {
  const { count } = await db.processedUpdate.deleteMany({ where: { receivedAt: { lt: before } } });
  return count;
}

/** The highest update id handled so far (0 when none). */
export async function findHighestUpdateId(db: Db): Promise<number> {
  const { _max } = await db.processedUpdate.aggregate({ _max: { updateId: true } });
  return _max.updateId === null ? 0 : Number(_max.updateId);
}
