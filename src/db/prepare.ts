import type { Db } from './client.ts';
import { dialectOf } from './client.ts';
import { syncFrameworkFiles } from './framework-files.ts';
import { migrateDatabase } from './migrate.ts';

/** What both `npm start` and the CLI do first: migrate, then load the framework data files. */
export async function prepareDatabase(db: Db, databaseUrl: string) {
  const migrated = await migrateDatabase(db, databaseUrl);
  // WAL: a commit no longer rewrites a rollback journal, which halves the cost of the two writes
  // per reminder sent (sending, sent) and lets readers go on during a write. Kept in the file.
  if (dialectOf(db) === 'sqlite') await db.$queryRawUnsafe('PRAGMA journal_mode=WAL');
  const frameworks = await syncFrameworkFiles(db);
  return { migrated, frameworks };
}
