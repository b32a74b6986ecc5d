import type { Db } from './client.ts';
import { describeUnreachable, dialectOf, isUnreachable } from './client.ts';
import { syncFrameworkFiles } from './framework-files.ts';
import { DatabaseStateError, migrateDatabase } from './migrate.ts';
import { inPrepareTurn } from './prepare-lock.ts';
import { FrameworkFileError } from './framework-files.ts';
import type { Logger } from '../log.ts';

/**
 * What both `npm start` and the CLI do first: migrate, then load the framework data files; one
 * process at a time (others started together wait, then find it done: `onWait` is told).
 */
export async function prepareDatabase(db: Db, databaseUrl: string, onWait?: () => void) {
  return inPrepareTurn(db, databaseUrl, async () => {
    const migrated = await migrateDatabase(db, databaseUrl);
    // WAL: a commit no longer rewrites a rollback journal, which halves the cost of the two writes
    // per reminder sent (sending, sent) and lets readers go on during a write. Kept in the file.
    if (dialectOf(db) === 'sqlite') await db.$queryRawUnsafe('PRAGMA journal_mode=WAL');
    const frameworks = await syncFrameworkFiles(db);
    return { migrated, frameworks };
  }, onWait);
}

/** Waits between attempts to reach a database that is down at start. */
const RETRY_MS = 5_000;

/**
 * prepareDatabase, waiting while the database cannot be reached (a server still starting, a
 * network away): logged once per attempt, retried every RETRY_MS until it answers or the process
 * is asked to stop. A database in a wrong state (a newer version's migrations, bad framework
 * files) is reported and not retried: restarting cannot fix it.
 */
export async function prepareWhenReachable(db: Db, databaseUrl: string, logger: Logger): Promise<'ready' | 'failed' | 'stopped'> {
  let stop = false;
  const onSignal = () => { stop = true; };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (let attempt = 1; !stop; attempt++) {
      try {
        await prepareDatabase(db, databaseUrl, () => logger.info({}, 'Proses lain sedang menyiapkan basis data; menunggu giliran'));
        return 'ready';
      } catch (error) {
        if (error instanceof DatabaseStateError || error instanceof FrameworkFileError) {
          // Said plainly on stderr, as the CLI says it: an operator reads this one.
          console.error(error.message);
          return 'failed';
        }
        if (!isUnreachable(error)) throw error;
        logger.warn({ attempt, retryInMs: RETRY_MS, error: describeUnreachable(error) },
          `Basis data belum dapat dihubungi; mencoba lagi dalam ${RETRY_MS / 1000} detik`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    return 'stopped';
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
