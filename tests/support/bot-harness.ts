// The real bot, over HTTP, against the project's fake Bot API server, as Telegram would talk to
// it: polling by default, or a webhook. People are plain Telegram users; helpers push what they
// type or press and wait for what the bot sends back.
import { dashboardFiles, dashboardNotices } from '../../src/bot/dashboard-notices.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot } from '../../src/bot/create-bot.ts';
import type { BotDeps, ChartRenderer } from '../../src/bot/context.ts';
import type { RunningBot } from '../../src/bot/launch.ts';
import type { Telegraf } from 'telegraf';
import type { BotContext } from '../../src/bot/context.ts';
import { dashboardHandler } from '../../src/dashboard/http.ts';
import { launchBot } from '../../src/bot/launch.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { DEMO_GROUP_ID, DEMO_PEOPLE, seedDemoWorkspace } from '../../src/db/demo.ts';
import type { FakeBotApi, FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import type { TestDb } from './db.ts';
import { createTestDb } from './db.ts';

export interface Person {
  id: number;
  first_name: string;
}

export const rina: Person = { id: Number(DEMO_PEOPLE[0]!.telegramId), first_name: 'Rina' }; // admin + koordinator
export const budi: Person = { id: Number(DEMO_PEOPLE[1]!.telegramId), first_name: 'Budi' }; // PIC Bappeda
export const sekda: Person = { id: Number(DEMO_PEOPLE[2]!.telegramId), first_name: 'Sekda' }; // pimpinan
export const tamu: Person = { id: 777_123, first_name: 'Tamu' }; // not a member
export const GROUP = Number(DEMO_GROUP_ID);

export const silentLogger = { info() {}, warn() {}, error() {}, lines: [] as string[] };

export interface Harness {
  api: FakeBotApi;
  t: TestDb;
  deps: BotDeps;
  running: RunningBot;
  /** the bot itself (its `telegram` carries the one sender, for proactive sends) */
  bot: Telegraf<BotContext>;
  /** sends text as `from` in `chat` and resolves with the bot's next message there */
  say(from: Person, chat: number, text: string): Promise<FakeCall>;
  /** presses a button of a bot message and resolves with the callback answer */
  press(from: Person, chat: number, messageId: number, data: string): Promise<FakeCall>;
  /** the next call matching, after `after` */
  next(predicate: (c: FakeCall) => boolean, after: number): Promise<FakeCall>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  webhook?: boolean;
  now?: () => Date;
  charts?: ChartRenderer;
  logger?: BotDeps['logger'];
  rateLimit?: BotDeps['rateLimit'];
  sendLimits?: BotDeps['sendLimits'];
  /** runs after the fake API starts and before the bot launches (e.g. to inject faults) */
  beforeLaunch?: (api: FakeBotApi) => void;
  /** serve the dashboard on the bot's server (`running.port`), opened from chat at this address */
  dashboard?: { url: string; appLink: string | null };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sentTo = (chat: number) => (c: FakeCall) =>
  ['sendMessage', 'sendPhoto', 'sendDocument'].includes(c.method) && Number(c.params.chat_id) === chat && !c.fault;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const t = createTestDb();
  await seedDemoWorkspace(t.db);
  const api = createFakeBotApi({ botUsername: 'spbe_test_bot' });
  const { apiRoot } = await api.start();
  const deps: BotDeps = {
    db: t.db,
    clock: { now: options.now ?? (() => new Date()) },
    logger: options.logger ?? silentLogger,
    charts: options.charts ?? { domains: renderDomainChart, stages: renderStageChart },
    rateLimit: options.rateLimit ?? { capacity: 1_000, refillPerMinute: 1_000 },
    // Tests send far more than 20 messages a minute to the demo group; the limits have their own test.
    sendLimits: options.sendLimits ?? { perSecond: 10_000, perGroupPerMinute: 1_000_000, perChatIntervalMs: 0 },
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
    // One bot process, as `npm start` alone runs: no send budget shared with others (that has its
    // own tests with two bots on one database, and the three-process test).
    sharedSendBudget: false,
  };
  options.beforeLaunch?.(api);
  const bot = createBot(deps, { token: api.token, apiRoot });
  const port = options.webhook ? await freePort() : 0;
  const running = await launchBot(bot, {
    port, host: '127.0.0.1', logger: deps.logger,
    ...(options.dashboard ? { http: dashboardHandler({ db: t.db, clock: deps.clock, logger: deps.logger, token: api.token, notify: dashboardNotices(bot.telegram, deps.logger), sendFile: dashboardFiles(bot.telegram, deps.logger) }) } : {}),
    ...(options.webhook ? { webhookUrl: `http://127.0.0.1:${port}/telegram/hook`, webhookSecret: 'rahasia-webhook' } : {}),
  });
  if (!options.webhook) await api.waitForCall('getUpdates', { timeoutMs: 10_000 });
  const next = (predicate: (c: FakeCall) => boolean, after: number) => api.waitForCall(predicate, { after, timeoutMs: 10_000 });
  return {
    api, t, deps, running, next, bot,
    async say(from, chat, text) {
      const after = api.calls.length;
      api.pushText({ chatId: chat, from, text });
      return next(sentTo(chat), after);
    },
    async press(from, chat, messageId, data) {
      const after = api.calls.length;
      api.pushCallback({ chatId: chat, from, messageId, data });
      return next((c) => c.method === 'answerCallbackQuery', after);
    },
    async stop() {
      await running.stop('test');
      await api.stop();
      await t.close();
    },
  };
}

/** The text of a sendMessage call as the user sees it (HTML as sent). */
export const textOf = (call: FakeCall) => String(call.params.text ?? call.params.caption ?? '');

/** The inline buttons of a call: [text, callback_data] pairs. */
export function buttonsOf(call: FakeCall): [string, string][] {
  const markup = call.params.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data ?? '']);
}

/** message_id the fake gave the bot's message of this call. */
export function messageIdOf(call: FakeCall): number {
  const response = call.response as { ok: true; result: { message_id: number } } | undefined;
  return response!.result.message_id;
}
