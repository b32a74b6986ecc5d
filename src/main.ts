// Composition root of `npm start`: config → database (migrated, frameworks loaded) → bot →
// jobs (reminders) → launch (Telegram with BOT_TOKEN, else the local sandbox) → graceful stop on
// SIGINT/SIGTERM: the jobs first (a tick finishes its sends), then the bot, then the database.
import { dashboardFiles, dashboardNotices } from './bot/dashboard-notices.ts';
import { createBot } from './bot/create-bot.ts';
import { launchBot } from './bot/launch.ts';
import { createNotifier } from './bot/notifier.ts';
import { startJobs } from './jobs/schedule.ts';
import { renderDomainChart, renderStageChart } from './charts/index-charts.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDb } from './db/client.ts';
import { LiveDemoError } from './db/demo-live.ts';
import { prepareWhenReachable } from './db/prepare.ts';
import { healthReport } from './jobs/health.ts';
import { processName as createProcessName } from './jobs/leader.ts';
import { createLogger } from './log.ts';
import { dashboardHandler } from './dashboard/http.ts';
import { startSandbox } from './sandbox/start.ts';

/** The real time, or the real time moved to start at `start` (CLOCK_START). */
function clockFrom(start: Date | undefined) {
  if (!start) return { now: () => new Date() };
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const logger = createLogger(config.logLevel, { pretty: config.logPretty });
  const db = createDb(config.databaseUrl);
  // A database that is down at start is waited for (no crash loop); one in a wrong state is not.
  const prepared = await prepareWhenReachable(db, config.databaseUrl, logger);
  if (prepared !== 'ready') {
    await db.$disconnect();
    return prepared === 'stopped' ? 0 : 1;
  }
  const processName = createProcessName();
  const clock = clockFrom(config.clockStart);
  if (config.clockStart) logger.warn({ clockStart: config.clockStart.toISOString() }, 'CLOCK_START set: the clock is not the real time');
  const dashboard = config.dashboardUrl ? { url: config.dashboardUrl, appLink: config.dashboardAppLink ?? null } : undefined;
  const deps = { db, logger, clock, charts: { domains: renderDomainChart, stages: renderStageChart }, ...(dashboard ? { dashboard } : {}) };

  let jobs: Awaited<ReturnType<typeof startJobs>> | undefined;
  let running;
  if (config.botToken) {
    // Telegram's limits are shared with the other processes on this database, when there are any.
    const bot = createBot({ ...deps, sharedSendBudget: () => jobs?.leadership.hasPeers() ?? false },
      { token: config.botToken, apiRoot: config.telegramApiRoot });
    // Started before launch: in polling mode launch() only resolves when polling stops.
    jobs = await startJobs({ db, logger, clock: deps.clock, holder: processName, notifier: createNotifier(bot.telegram, () => bot.botInfo?.username ?? null) });
    running = await launchBot(bot, {
      webhookUrl: config.webhookUrl, webhookSecret: config.webhookSecret, port: config.port, logger, token: config.botToken,
      health: () => healthReport(db, processName, clock.now()),
      http: dashboardHandler({ db, clock, logger, token: config.botToken, notify: dashboardNotices(bot.telegram, logger), sendFile: dashboardFiles(bot.telegram, logger) }),
      ...(dashboard ? { menuButtonUrl: dashboard.url } : {}),
    });
  } else {
    try {
      running = await startSandbox(deps, undefined, { reset: process.argv.includes('--reset'), port: config.port });
    } catch (error) {
      // A workspace in the demo's place that is not the demo: said plainly, nothing changed.
      if (!(error instanceof LiveDemoError)) throw error;
      console.error(error.message);
      await db.$disconnect();
      return 1;
    }
  }

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    running.finished?.then(resolve);
  });
  await jobs?.stop();
  await running.stop('signal');
  await db.$disconnect();
  return 0;
}

process.exitCode = await main();
