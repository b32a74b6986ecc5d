// Leases: work that one process at a time may do, among several bot processes on one database.
// A lease is a row (JobLease) with its holder and an expiry; taking or renewing it is one
// conditional write, so two processes never both hold it. The holder renews it well before it
// runs out; a holder that dies stops renewing, and once the lease has run out the next process
// that asks gets it. Works the same on SQLite and PostgreSQL, with no connection held open.
import type { Db } from './client.ts';

export interface Lease {
  name: string;
  holder: string;
  expiresAt: Date;
  renewedAt: Date;
}

/**
 * Takes or renews `name` for `holder` until now + ttlMs. True when `holder` holds it afterwards:
 * it was free, ran out, or was already its own.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const { count } = await db.jobLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt, renewedAt: now },
  });
  if (count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt, renewedAt: now } });
    return true;
  } catch (error) {
    // P2002: the row exists, held by someone else (or created by another process just now).
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}

/** Gives the lease up at once (a clean stop), so the next process need not wait for it to run out. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.jobLease.deleteMany({ where: { name, holder } });
}

/** Who holds `name` now, or null when no one does (never taken, or run out). */
export async function currentLease(db: Db, name: string, now: Date): Promise<Lease | null> {
  const lease = await db.jobLease.findUnique({ where: { name } });
  return lease && lease.expiresAt > now ? lease : null;
}

/** How many leases whose name starts with `prefix` are held now (the processes' presence rows). */
export async function countLiveLeases(db: Db, prefix: string, now: Date): Promise<number> {
  return db.jobLease.count({ where: { name: { startsWith: prefix }, expiresAt: { gt: now } } });
}
