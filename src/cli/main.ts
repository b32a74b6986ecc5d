// Entry of `npm run cli -- …`: settings, database (migrated and with frameworks loaded), one
// command, exit code. Output on stdout only; every error on stderr.
import { ConfigError, loadConfig } from '../config.ts';
import { createDb } from '../db/client.ts';
import { FrameworkFileError } from '../db/framework-files.ts';
import { DatabaseStateError } from '../db/migrate.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { runCli } from './run.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Galat: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const db = createDb(config.databaseUrl);
  try {
    await prepareDatabase(db, config.databaseUrl);
    return await runCli({
      db,
      io: { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) },
      now: new Date(),
      cwd: process.env.INIT_CWD ?? process.cwd(),
    }, process.argv.slice(2));
  } catch (error) {
    if (error instanceof DatabaseStateError || error instanceof FrameworkFileError) {
      process.stderr.write(`Galat: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Galat tak terduga: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
