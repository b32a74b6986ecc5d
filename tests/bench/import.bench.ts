// A 50 000-row checklist CSV sent to the bot and applied, while another user's /indeks is asked
// again and again meanwhile: the import's total time, and /indeks from update to reply during it
// (median, p99, worst) against /indeks with nothing else running. Everything goes through
// bot.handleUpdate with Telegram.prototype.callApi answered in-process; the file is downloaded
// over HTTP from a local server, as from Telegram. The demo workspace (Pemprov Kaltim, 2024),
// Budi reachable privately, so the import's items get their reminders planned as they would.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createBot } from '../../src/bot/create-bot.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { DEMO_GROUP_ID, DEMO_PEOPLE, seedDemoWorkspace } from '../../src/db/demo.ts';
import { CHECKLIST_IMPORT_MAX_ROWS } from '../../src/domain/checklist-import.ts';
import { benchDatabase } from './support.ts';

const ROWS = CHECKLIST_IMPORT_MAX_ROWS;
const RINA = Number(DEMO_PEOPLE[0]!.telegramId);
const SEKDA = Number(DEMO_PEOPLE[2]!.telegramId);
const GROUP = Number(DEMO_GROUP_ID);
const NOW = new Date('2024-09-20T01:00:00Z');

const bench = await benchDatabase();
const { db } = bench;
const workspaceId = await seedDemoWorkspace(db);
await db.person.update({ where: { telegramId: DEMO_PEOPLE[1]!.telegramId }, data: { privateChatAt: NOW } });
const opds = (await db.opd.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } })).map((o) => o.code);

/** The rows as a coordinator would send them; `dueDate(i)` as "YYYY-MM-DD". */
function checklistCsv(dueDate: (i: number) => string): Buffer {
  const lines = ['opd;indikator;judul;deskripsi;tenggat;penanggung_jawab;status'];
  for (let i = 1; i <= ROWS; i++) {
    lines.push(`${opds[i % opds.length]};${1 + (i % 47)};Unggah bukti dukung nomor ${i};Dokumen pendukung indikator, versi final bertanda tangan;${dueDate(i)};${i % 3 === 0 ? '900002' : ''};belum`);
  }
  return Buffer.from(lines.join('\n'));
}

// The file server Telegram would be: /file/bot<token>/<path>.
let served: Buffer = Buffer.alloc(0);
const files = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/csv' }).end(served));
await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
const apiRoot = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

type Sent = { method: string; chatId: number; text: string; at: bigint };
const sent: Sent[] = [];
const waiters: { match: (s: Sent) => boolean; resolve: (s: Sent) => void }[] = [];
let messageId = 0;
(Telegram.prototype as unknown as { callApi: (m: string, p: Record<string, unknown>) => Promise<unknown> }).callApi = async function (method, payload) {
  if (method === 'getMe') return { id: 1, is_bot: true, first_name: 'Bot', username: 'spbe_bench_bot' };
  if (method === 'getFile') return { file_id: payload.file_id, file_unique_id: 'u', file_size: served.length, file_path: 'documents/ceklis.csv' };
  const chatId = Number(payload?.chat_id ?? 0);
  const record: Sent = { method, chatId, text: String(payload?.text ?? ''), at: process.hrtime.bigint() };
  sent.push(record);
  // One message answers one waiter, the oldest that matches: overlapping /indeks are answered in order.
  const w = waiters.findIndex((x) => x.match(record));
  if (w >= 0) waiters.splice(w, 1)[0]!.resolve(record);
  if (method === 'answerCallbackQuery' || method === 'editMessageText') return true;
  return { message_id: ++messageId, date: 0, chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' }, text: '' };
};
const waitFor = (match: (s: Sent) => boolean) => new Promise<Sent>((resolve) => waiters.push({ match, resolve }));

const silent = { info() {}, warn() {}, error(fields: unknown, message: string) { console.error(message, fields); } };
const bot = createBot({ db, clock: { now: () => NOW }, logger: silent, charts: { domains: renderDomainChart, stages: renderStageChart },
  rateLimit: { capacity: 1e9, refillPerMinute: 1e9 }, sendLimits: { perSecond: 1e9, perGroupPerMinute: 1e9, perChatIntervalMs: 0 } },
{ token: 'bench', apiRoot });

let updateId = 0;
const from = (id: number) => ({ id, is_bot: false, first_name: id === RINA ? 'Rina' : 'Sekda' });
const documentUpdate = (): Update => ({
  update_id: ++updateId,
  message: { message_id: updateId, date: 0, chat: { id: RINA, type: 'private', first_name: 'Rina' }, from: from(RINA),
    document: { file_id: `doc-${updateId}`, file_unique_id: `u-${updateId}`, file_name: 'ceklis.csv', file_size: served.length } },
} as Update);
const pressUpdate = (onMessage: number): Update => ({
  update_id: ++updateId,
  callback_query: { id: String(updateId), from: from(RINA), chat_instance: '1', data: 'imp:ok',
    message: { message_id: onMessage, date: 0, chat: { id: RINA, type: 'private', first_name: 'Rina' }, text: 'Uji coba impor' } },
} as Update);
const indeksUpdate = (): Update => ({
  update_id: ++updateId,
  message: { message_id: updateId, date: 0, text: '/indeks', chat: { id: GROUP, type: 'supergroup', title: 'Tim SPBE' }, from: from(SEKDA),
    entities: [{ type: 'bot_command', offset: 0, length: 7 }] },
} as Update);

/** One /indeks from Pak Sekda in the group: update → reply in ms. */
async function indeksOnce(start = process.hrtime.bigint()): Promise<number> {
  const reply = waitFor((s) => s.method === 'sendMessage' && s.chatId === GROUP && s.at >= start);
  await bot.handleUpdate(indeksUpdate());
  return Number((await reply).at - start) / 1e6;
}

/**
 * /indeks asked every INTERVAL_MS (ten a second: a busy group) until `until` settles, each measured from when it was due to
 * arrive (as an update from the network would), so time spent waiting for the event loop counts.
 * Arrivals are timers, not a loop of awaits: a loop of promises that never reach the event loop
 * would starve the import's own turns and measure nothing real.
 */
const INTERVAL_MS = 100;
async function indeksWhile(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.then(() => { done = true; });
  const samples: Promise<number>[] = [];
  const first = process.hrtime.bigint();
  for (let n = 1; !done; n++) {
    const due = first + BigInt(n * INTERVAL_MS * 1e6);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(due - process.hrtime.bigint()) / 1e6)));
    // A late timer is the stall a network update would have waited through: measured from `due`.
    samples.push(indeksOnce(due));
  }
  return Promise.all(samples);
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return `${sorted.length} answered: median ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms`;
}

async function importOnce(label: string, dueDate: (i: number) => string) {
  served = checklistCsv(dueDate);
  const itemsBefore = await db.checklistItem.count();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();

  const dryStart = process.hrtime.bigint();
  const dryRun = waitFor((s) => s.method === 'sendMessage' && s.chatId === RINA && s.text.startsWith('Uji coba impor'));
  await bot.handleUpdate(documentUpdate());
  const duringDryRun = await indeksWhile(dryRun);
  const dry = await dryRun;
  const dryMs = Number(dry.at - dryStart) / 1e6;
  const dryStall = loop.max / 1e6;
  loop.reset();

  const start = process.hrtime.bigint();
  const finished = waitFor((s) => s.method === 'sendMessage' && s.chatId === RINA && /^Impor ceklis (selesai|ditolak|gagal)/.test(s.text));
  await bot.handleUpdate(pressUpdate(messageId));
  const handlerMs = Number(process.hrtime.bigint() - start) / 1e6;
  const during = await indeksWhile(finished);
  const end = await finished;
  loop.disable();
  const edits = sent.filter((s) => s.method === 'editMessageText' && s.at >= start && s.at <= end.at).map((s) => s.text);
  if (!end.text.startsWith('Impor ceklis selesai') || (await db.checklistItem.count()) !== itemsBefore + ROWS) throw new Error(`import failed: ${end.text}`);

  console.log(`\n${label}`);
  console.log(`dry run (download, read, check, plan): ${(dryMs / 1000).toFixed(2)} s; /indeks meanwhile ${summary(duringDryRun)}; longest event-loop stall ${dryStall.toFixed(0)} ms`);
  console.log(`apply: press handled in ${handlerMs.toFixed(1)} ms; ${ROWS} rows written in ${(Number(end.at - start) / 1e9).toFixed(2)} s (press → "${end.text}"); ${edits.length} progress edits, last "${edits.at(-1)}"`);
  console.log(`/indeks during the apply: ${summary(during)}; longest event-loop stall ${(loop.max / 1e6).toFixed(0)} ms`);
  console.log(`reminders pending after: ${await db.reminderDelivery.count({ where: { state: 'pending' } })}`);
  const after: number[] = [];
  for (let i = 0; i < 60; i++) after.push(await indeksOnce());
  console.log(`/indeks alone afterwards: ${summary(after.slice(10))}`);
}

const baseline: number[] = [];
for (let i = 0; i < 350; i++) baseline.push(await indeksOnce());
console.log(`/indeks alone (no import), after 50 warm-up: ${summary(baseline.slice(50))}`);

await importOnce(`${ROWS} new items, due dates spread over 28 days`, (i) => `2024-10-${String(1 + (i % 28)).padStart(2, '0')}`);
await importOnce(`${ROWS} more new items, all due the same day`, () => '2024-10-15');

files.close();
await bench.dispose();
