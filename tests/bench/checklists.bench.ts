// /ceklis, /progres and /tugas from update to reply on the benchmark database with 40 items per
// OPD (600 × 40 × 40 = 960 000 items), against a bare telegraf handler, in the same run.
import { Telegraf, Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createBot } from '../../src/bot/create-bot.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { adminId, groupId, OPDS, picId, seedBenchDatabase, WORKSPACES } from './seed.ts';
import { benchDatabase, measure, printFigures } from './support.ts';

const bench = await benchDatabase();
const { db } = bench;
const started = Date.now();
await seedBenchDatabase(db, { itemsPerOpd: 40 });
console.log(`seeded ${await db.checklistItem.count()} checklist items (${WORKSPACES} workspaces × ${OPDS} OPDs) in ${((Date.now() - started) / 1000).toFixed(1)} s; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);

let replied = 0n;
let lastText = '';
(Telegram.prototype as unknown as { callApi: (m: string, p: { text?: string }) => Promise<unknown> }).callApi = async function (method, payload) {
  if (method === 'getMe') return { id: 1, is_bot: true, first_name: 'Bot', username: 'spbe_bench_bot' };
  replied = process.hrtime.bigint();
  lastText = payload?.text ?? '';
  return { message_id: 1, date: 0, chat: { id: 1, type: 'supergroup' }, text: '' };
};
const bot = createBot({ db, clock: { now: () => new Date('2024-10-15T02:00:00Z') }, logger: { info() {}, warn() {}, error() {} },
  charts: { domains: renderDomainChart, stages: renderStageChart }, rateLimit: { capacity: 1e9, refillPerMinute: 1e9 },
  sendLimits: { perSecond: 1e9, perGroupPerMinute: 1e9, perChatIntervalMs: 0 } },
{ token: 'bench', apiRoot: 'http://127.0.0.1:9' });
const bare = new Telegraf('bench');
bare.command('ceklis', (ctx) => ctx.reply('ok'));

let updateId = 0;
function update(text: string, w: number, from: number, chat: number): Update {
  const command = text.split(' ')[0]!;
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId, date: 0, text, chat: chat < 0 ? { id: chat, type: 'supergroup', title: 'Grup' } : { id: chat, type: 'private', first_name: 'X' },
      from: { id: from, is_bot: false, first_name: from === adminId(w) ? `Admin ${w}` : `PIC opd-7` },
      entities: [{ type: 'bot_command', offset: 0, length: command.length }],
    },
  } as Update;
}

type Who = (w: number) => { from: number; chat: number };
const admin: Who = (w) => ({ from: adminId(w), chat: groupId(w) });
const pic: Who = (w) => ({ from: picId(w, 7), chat: picId(w, 7) });

async function series(name: string, bot: Telegraf<never> | Telegraf, text: string, who: Who, expect: RegExp) {
  const w0 = 1;
  await bot.handleUpdate(update(text, w0, who(w0).from, who(w0).chat));
  if (!expect.test(lastText)) throw new Error(`${name}: unexpected reply ${lastText.slice(0, 200)}`);
  const samples: number[] = [];
  await measure(name, async () => {
    const w = 1 + (updateId % WORKSPACES);
    const { from, chat } = who(w);
    const start = process.hrtime.bigint();
    replied = 0n;
    await bot.handleUpdate(update(text, w, from, chat));
    if (replied === 0n) throw new Error(`no reply to ${text}`);
    samples.push(Number(replied - start) / 1e6);
  }, { runs: 1_000, warmup: 100 });
  samples.splice(0, 100);
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.ceil(p * samples.length) - 1]!;
  console.log(`${name}: update → reply median ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms`);
}

await series('bare telegraf handler that only replies', bare, '/ceklis', admin, /^ok$/);
await series('/ceklis opd-7 (koordinator, 40 items, page 1)', bot as unknown as Telegraf, '/ceklis opd-7', admin, /Ceklis OPD 7<\/b> — 40 item/);
await series('/ceklis (PIC, own OPD)', bot as unknown as Telegraf, '/ceklis', pic, /Ceklis OPD 7<\/b> — 40 item/);
await series('/progres (40 OPD bars, overdue, readiness)', bot as unknown as Telegraf, '/progres', admin, /Progres ceklis/);
await series('/tugas (PIC)', bot as unknown as Telegraf, '/tugas', pic, /Tugas Anda/);
console.log(`rss after runs ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
await bench.dispose();
printFigures('Checklists: 960 000 items (handler wall time incl. reply)');
