// Time from update to reply for /indeks, /skor and /domain on a database of 600 workspaces ×
// 40 OPDs × 47 indicators scored in 5 stages, against a bare telegraf handler that only replies,
// in the same run. Outgoing calls are answered in-process (Telegram.prototype.callApi patched),
// so the figures are the bot's own work: routing, access checks, queries, arithmetic, text.
import { Telegraf, Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createBot } from '../../src/bot/create-bot.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { OPDS, seedBenchDatabase, WORKSPACES } from './seed.ts';
import { benchDatabase, measure, printFigures } from './support.ts';

const bench = await benchDatabase();
const { db } = bench;
const started = Date.now();
await seedBenchDatabase(db);
console.log(`seeded ${WORKSPACES} workspaces, ${await db.opd.count()} OPDs, ${await db.score.count()} scores in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// Every outgoing call resolves at once; `replied` marks when the handler issued its reply.
let replied = 0n;
const proto = Telegram.prototype as unknown as { callApi: (method: string, payload: unknown) => Promise<unknown> };
proto.callApi = async function (method) {
  if (method === 'getMe') return { id: 1, is_bot: true, first_name: 'Bot', username: 'spbe_bench_bot' };
  replied = process.hrtime.bigint();
  return { message_id: 1, date: 0, chat: { id: 1, type: 'supergroup' }, text: '' };
};

const silent = { info() {}, warn() {}, error() {} };
const bot = createBot({ db, clock: { now: () => new Date() }, logger: silent, charts: { domains: renderDomainChart, stages: renderStageChart },
  rateLimit: { capacity: 1e9, refillPerMinute: 1e9 },
  sendLimits: { perSecond: 1e9, perGroupPerMinute: 1e9, perChatIntervalMs: 0 } }, { token: 'bench', apiRoot: 'http://127.0.0.1:9' });
const bare = new Telegraf('bench');
bare.command('indeks', (ctx) => ctx.reply('ok'));

let updateId = 0;
function commandUpdate(text: string, w: number): Update {
  const command = text.split(' ')[0]!;
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId, date: 0, text,
      chat: { id: -1_000_000_000 - w, type: 'supergroup', title: `Grup ${w}` },
      from: { id: 1_000_000 + w, is_bot: false, first_name: `Admin ${w}` },
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  } as Update;
}

async function timeToReply(handle: (u: Update) => Promise<void>, text: string) {
  const w = 1 + (updateId % WORKSPACES);
  const update = commandUpdate(text, w);
  const start = process.hrtime.bigint();
  replied = 0n;
  await handle(update);
  if (replied === 0n) throw new Error(`no reply to ${text}`);
  return Number(replied - start) / 1e6;
}

async function series(name: string, handle: (u: Update) => Promise<void>, text: string) {
  const samples: number[] = [];
  await measure(name, async () => { samples.push(await timeToReply(handle, text)); }, { runs: 2_000, warmup: 200 });
  samples.splice(0, 200);
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.ceil(p * samples.length) - 1]!;
  console.log(`${name}: update → reply median ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms`);
}

const handleBot = (u: Update) => bot.handleUpdate(u);
const handleBare = (u: Update) => bare.handleUpdate(u);
await series('bare telegraf handler that only replies', handleBare, '/indeks');
await series('/indeks (overview of the latest stage)', handleBot, '/indeks');
await series('/skor 42', handleBot, '/skor 42');
await series('/domain 4', handleBot, '/domain 4');
await bench.dispose();
printFigures(`Bot: ${WORKSPACES} workspaces × ${OPDS} OPDs × 47 indicators × 5 stages (handler wall time incl. reply)`);
