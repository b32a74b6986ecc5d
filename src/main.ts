// Composition root of `npm start`: config → database (migrated, frameworks loaded) → bot →
// launch (Telegram with BOT_TOKEN, else the local sandbox) → graceful stop on SIGINT/SIGTERM.
import { createBot } from './bot/create-bot.ts';
import { launchBot } from './bot/launch.ts';
import { renderDomainChart, renderStageChart } from './charts/index-charts.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { FrameworkFileError } from './db/framework-files.ts';
import { DatabaseStateError } from './db/migrate.ts';
import { prepareDatabase } from './db/prepare.ts';
import { createLogger } from './log.ts';
import { startSandbox } from './sandbox/start.ts';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl);
  try {
    await prepareDatabase(db, config.databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseStateError || error instanceof FrameworkFileError)) throw error;
    console.error(error.message);
    await db.$disconnect();
    return 1;
  }
  const deps = { db, logger, clock: { now: () => new Date() }, charts: { domains: renderDomainChart, stages: renderStageChart } };

  const running = config.botToken
    ? await launchBot(createBot(deps, { token: config.botToken, apiRoot: config.telegramApiRoot }), {
      webhookUrl: config.webhookUrl, webhookSecret: config.webhookSecret, port: config.port, logger,
    })
    : await startSandbox(deps);

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    running.finished?.then(resolve);
  });
  await running.stop('signal');
  await db.$disconnect();
  return 0;
}

process.exitCode = await main();
