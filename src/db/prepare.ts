import type { Db } from './client.ts';
import { syncFrameworkFiles } from './framework-files.ts';
import { migrateDatabase } from './migrate.ts';

/** What both `npm start` and the CLI do first: migrate, then load the framework data files. */
export async function prepareDatabase(db: Db, databaseUrl: string) {
  const migrated = await migrateDatabase(db, databaseUrl);
  const frameworks = await syncFrameworkFiles(db);
  return { migrated, frameworks };
}
