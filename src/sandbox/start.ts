// `npm start` without BOT_TOKEN: the real bot, created and launched exactly as for Telegram, but
// polling the project's fake Bot API on 127.0.0.1, with a terminal chat window in front of it and
// the demo workspace in the configured database. Nothing here is a second implementation of the
// bot: a reply that reads badly in the sandbox reads badly in Telegram too. The workspace is the
// live demo (src/db/demo-live.ts), rebuilt with today's dates once a day or with --reset.
import { dashboardFiles, dashboardNotices } from '../bot/dashboard-notices.ts';
import type { BotDeps } from '../bot/context.ts';
import { createBot } from '../bot/create-bot.ts';
import type { RunningBot } from '../bot/launch.ts';
import { launchBot } from '../bot/launch.ts';
import { seedLiveDemo } from '../db/demo-live.ts';
import { findHighestUpdateId } from '../db/updates.ts';
import { formatDateId, toLocalDate } from '../domain/dates.ts';
import type { Logger } from '../log.ts';
import { createLogger } from '../log.ts';
import { createFakeBotApi } from './fake-bot-api.ts';
import type { FakeBotApi } from './fake-bot-api.ts';
import { sandboxTexts } from './sandbox-texts.ts';
import { dashboardHandler } from '../dashboard/http.ts';
import { signInitData } from '../dashboard/sign-in.ts';
import { SandboxTerminal } from './terminal.ts';
import type { TerminalIo } from './terminal.ts';

// Telegram's update ids are ten digits or fewer; the sandbox numbers its own from here up. The bot
// remembers every update id it handled (ProcessedUpdate) and skips repeats, so a second sandbox
// run must not start again at 1, and a sandbox run on a real bot's database must never claim
// an id that Telegram could still send.
const FIRST_SANDBOX_UPDATE_ID = 1_000_000_000_000;

export interface SandboxOptions {
  /** rebuild the live demo even if it was built today (`npm start -- --reset`) */
  reset?: boolean;
  /** where the dashboard is served (127.0.0.1 only): `npm start` gives PORT; default 0, a free port */
  port?: number;
}

async function firstFreeUpdateId(deps: BotDeps): Promise<number> {
  return Math.max(FIRST_SANDBOX_UPDATE_ID, (await findHighestUpdateId(deps.db)) + 1);
}

/**
 * Makes the fake hand out update ids from `first` on: it numbers after the highest id pushed, so
 * one placeholder update is pushed and at once confirmed (dropped) by a getUpdates of our own,
 * before the bot polls for the first time.
 */
async function startUpdateIdsAt(api: FakeBotApi, first: number): Promise<void> {
  api.pushUpdate({ update_id: first - 1 });
  const response = await fetch(`${api.apiRoot}/bot${api.token}/getUpdates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offset: first, timeout: 0 }),
  });
  await response.body?.cancel();
  if (api.pendingUpdates.length > 0) throw new Error('sandbox: the placeholder update was not dropped');
}

/** The bot's warnings and errors, in the conversation; its routine info lines would only clutter it. */
/** The bot's warnings and errors, readable, between the terminal's lines (pino-pretty, as the README says). */
function terminalLogger(show: (line: string) => void): Logger {
  return createLogger('warn', { pretty: true, destination: { write: (line) => show(sandboxTexts.botLog(line.trimEnd())) } });
}

export async function startSandbox(
  deps: BotDeps, io: TerminalIo = { input: process.stdin, output: process.stdout }, options: SandboxOptions = {},
): Promise<RunningBot> {
  const demo = await seedLiveDemo(deps.db, deps.clock.now(), { reset: options.reset ?? false });

  const api = createFakeBotApi();
  const { apiRoot } = await api.start();
  let terminal: SandboxTerminal | undefined;
  let running: RunningBot | undefined;
  try {
    await startUpdateIdsAt(api, await firstFreeUpdateId(deps));
    terminal = new SandboxTerminal({
      api, io, groupId: Number(demo.groupId), groupTitle: demo.groupTitle, workspaceName: demo.workspaceName,
      demo: { year: demo.year, rebuilt: demo.rebuilt, builtOn: formatDateId(toLocalDate(demo.builtAt, demo.timeZone)) },
    });
    const shown = terminal;
    const logger = terminalLogger((line) => shown.notice(line));
    // The dashboard on this machine only, signed with the fake's own token as Telegram would sign it.
    const port = options.port ?? 0;
    const dashboard = { url: `http://127.0.0.1:${port}/dasbor`, appLink: null };
    const bot = createBot({ ...deps, logger, dashboard }, { token: api.token, apiRoot });
    const before = api.calls.length;
    running = await launchBot(bot, { port, host: '127.0.0.1', logger, http: dashboardHandler({ db: deps.db, clock: deps.clock, logger, token: api.token, notify: dashboardNotices(bot.telegram, logger), sendFile: dashboardFiles(bot.telegram, logger) }) });
    const served = running.port;
    shown.setDashboardLink((person) => served === undefined ? null
      : `http://127.0.0.1:${served}/dasbor#${new URLSearchParams({ tgWebAppData: signInitData(person, api.token, deps.clock.now()) })}`);
    // The welcome (and the prompt) only once the bot is really listening.
    await api.waitForCall('getUpdates', { after: before, timeoutMs: 10_000 });
  } catch (error) {
    terminal?.close();
    await running?.stop('sandbox start failed').catch(() => undefined);
    await api.stop();
    throw error;
  }
  terminal.start();

  const bot = running;
  const term = terminal;
  let stopped: Promise<void> | undefined;
  return {
    finished: term.finished,
    stop(reason) {
      // Bot first: a polling bot that finds the server gone sleeps 5 s before it notices the stop.
      stopped ??= (async () => {
        term.close();
        await bot.stop(reason);
        await api.stop();
      })();
      return stopped;
    },
  };
}
