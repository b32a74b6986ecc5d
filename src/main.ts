// Composition root of `npm start`: settings → database (migrated, frameworks loaded) → … The
// Telegram bot, the sandbox and the scheduler join here as they are built; until then start-up
// prepares the database and reports what it holds.
import { ConfigError, loadConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { FrameworkFileError } from './db/framework-files.ts';
import { DatabaseStateError } from './db/migrate.ts';
import { prepareDatabase } from './db/prepare.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const db = createDb(config.databaseUrl);
  try {
    const { migrated, frameworks } = await prepareDatabase(db, config.databaseUrl);
    console.log(`Basis data siap (${config.databaseUrl}); migrasi baru: ${migrated.length}; ` +
      `kerangka: ${Object.entries(frameworks).map(([code, outcome]) => `${code} ${outcome}`).join(', ')}.`);
    console.log('Bot Telegram belum tersedia di versi ini; gunakan CLI admin: npm run cli -- help');
    return 0;
  } catch (error) {
    if (!(error instanceof DatabaseStateError || error instanceof FrameworkFileError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
