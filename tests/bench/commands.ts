// Timing a bot command from the update to the moment its reply is issued, with every outgoing
// call answered in-process (Telegram.prototype.callApi patched), so the figures are the bot's own
// work: routing, access checks, queries, arithmetic, text. Shared by the database benchmarks.
import { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createBot } from '../../src/bot/create-bot.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import type { Db } from '../../src/db/client.ts';
import { adminId, groupId, picId, WORKSPACES } from './seed.ts';

let replied = 0n;
let lastText = '';

/** From here on every Telegram call of this process is answered at once, and the reply noted. */
export function answerInProcess(): void {
  (Telegram.prototype as unknown as { callApi: (m: string, p: { text?: string }) => Promise<unknown> }).callApi = async function (method, payload) {
    if (method === 'getMe') return { id: 1, is_bot: true, first_name: 'Bot', username: 'spbe_bench_bot' };
    replied = process.hrtime.bigint();
    lastText = payload?.text ?? '';
    return { message_id: 1, date: 0, chat: { id: 1, type: 'supergroup' }, text: '' };
  };
}

/**
 * The bot as `npm start` builds it, with limits out of the way and a fixed clock; `shared`: as
 * when another process is alive (every reply books the send budget processes share), else alone.
 */
export function benchBot(db: Db, now: Date, { shared = false } = {}) {
  return createBot({ db, clock: { now: () => now }, logger: { info() {}, warn() {}, error() {} }, sharedSendBudget: shared,
    charts: { domains: renderDomainChart, stages: renderStageChart }, rateLimit: { capacity: 1e9, refillPerMinute: 1e9 },
    sendLimits: { perSecond: 1e9, perGroupPerMinute: 1e9, perChatIntervalMs: 0 } },
  { token: 'bench', apiRoot: 'http://127.0.0.1:9' });
}

/** Who sends, where, under the name the seed gave them (a changed name would be written on every first message). */
export type Who = (w: number) => { from: number; chat: number; name: string };
/** The workspace's admin (also koordinator) in its group. */
export const admin: Who = (w) => ({ from: adminId(w), chat: groupId(w), name: `Admin ${w}` });
/** The PIC of opd-7 in a private chat. */
export const pic: Who = (w) => ({ from: picId(w, 7), chat: picId(w, 7), name: 'PIC opd-7' });

let updateId = 0;
function commandUpdate(text: string, { from, chat, name }: ReturnType<Who>): Update {
  const command = text.split(' ')[0]!;
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId, date: 0, text,
      chat: chat < 0 ? { id: chat, type: 'supergroup', title: 'Grup' } : { id: chat, type: 'private', first_name: 'X' },
      from: { id: from, is_bot: false, first_name: name },
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  } as Update;
}

export interface CommandFigures { median: number; p99: number; runs: number }

/**
 * Sends `text` from `who` in workspace after workspace, `runs` times after `warmup`, and returns
 * the update → reply quantiles. The first reply must match `expect`, so a broken command cannot
 * pass for a fast one.
 */
export async function timeCommand(
  handle: (u: Update) => Promise<unknown>, text: string, who: Who, expect: RegExp, { runs = 1_000, warmup = 100 } = {},
): Promise<CommandFigures> {
  await handle(commandUpdate(text, who(1)));
  if (!expect.test(lastText)) throw new Error(`${text}: unexpected reply ${lastText.slice(0, 200)}`);
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const w = 1 + (i % WORKSPACES);
    const start = process.hrtime.bigint();
    replied = 0n;
    await handle(commandUpdate(text, who(w)));
    if (replied === 0n) throw new Error(`no reply to ${text}`);
    if (i >= warmup) samples.push(Number(replied - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.ceil(p * samples.length) - 1]!;
  return { median: q(0.5), p99: q(0.99), runs };
}
