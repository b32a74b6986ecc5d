// One process at a time brings a database up to date. Several bot processes started together
// (a host's reboot, `docker compose up` with replicas, a deploy that restarts them all) would
// otherwise migrate side by side: on SQLite all but one failed on the locked file, on PostgreSQL
// Prisma's own migration lock gave up after 10 s while the first was still migrating, and each
// exited with the engine's message. Here the others wait their turn, then find nothing left to do.
// PostgreSQL: a transaction-scoped advisory lock (released by COMMIT, or by the server when the
// process dies). SQLite: a lock beside the file (proper-lockfile: an atomic mkdir whose age
// is refreshed while held, so a lock left by a killed process goes stale and is taken over).
import lockfile from 'proper-lockfile';
import type { Db } from './client.ts';
import { dialectOf } from './client.ts';

/** The advisory lock's key: any constant no other code of ours uses ("spbe" in ASCII). */
const ADVISORY_KEY = 0x73706265;
/** Longest a turn may take: migrations and the framework files take seconds, a first start on a slow disk a minute. */
const TURN_MS = 15 * 60_000;
/** A SQLite lock not refreshed for this long belongs to a process that died. */
const STALE_MS = 20_000;

/** The SQLite file a `file:` URL names, or null for an in-memory database (nothing to share). */
export function sqliteFileOf(databaseUrl: string): string | null {
  const path = databaseUrl.slice('file:'.length).split('?')[0]!;
  return path === '' || path === ':memory:' ? null : path;
}

/**
 * Runs `work` while no other process runs its own for the same database; `onWait` is told once
 * when another process holds the turn (so a log can say why the start pauses).
 */
export async function inPrepareTurn<T>(db: Db, databaseUrl: string, work: () => Promise<T>, onWait: () => void = () => {}): Promise<T> {
  if (dialectOf(db) === 'postgresql') {
    // ReadCommitted: the transaction only holds the lock; `work` runs on other connections.
    const options = { timeout: TURN_MS, maxWait: 60_000, isolationLevel: 'ReadCommitted' } as unknown as { timeout: number };
    return db.$transaction(async (tx) => {
      const [free] = await tx.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${ADVISORY_KEY}) AS "ok"`);
      if (!free?.ok) {
        onWait();
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADVISORY_KEY})`);
      }
      return work();
    }, options);
  }
  const file = sqliteFileOf(databaseUrl);
  if (file === null) return work();
  const options = { realpath: false, stale: STALE_MS, lockfilePath: `${file}.prepare-lock`, onCompromised: () => {} };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    onWait();
    release = await lockfile.lock(file, { ...options, retries: { retries: Math.ceil(TURN_MS / 250), factor: 1, minTimeout: 250, maxTimeout: 250 } });
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
