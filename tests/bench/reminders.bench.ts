// Reminders fanned out to 2 000 linked groups through the real sender (limiter + retries) and the
// project's fake Bot API, which enforces Telegram's flood limits scaled up by SCALE and answers 429
// past them. Run 1: one delivery tick in this process, at a few pool sizes. Run 2: the tick in a
// child process (reminders-worker.ts), SIGKILLed mid fan-out, then a fresh one that recovers and
// sends the rest. Then the time of replanWorkspace, which runs inside every checklist change.
// Each part runs with SQLite's rollback journal (as the bot ships) and again with WAL (set on this
// benchmark's own file), because the two writes per message are what bounds the rate at ×10.
// The reminders' clock is a fixed working-day morning moved on by real elapsed time, so the run
// does not depend on today's date; the limiter and the fake use real time, which is what is measured.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Telegram } from 'telegraf';
import { createBot } from '../../src/bot/create-bot.ts';
import type { SendLimits } from '../../src/bot/limiter.ts';
import { TELEGRAM_LIMITS } from '../../src/bot/limiter.ts';
import { createNotifier } from '../../src/bot/notifier.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { changeItemStatus } from '../../src/db/checklists.ts';
import type { Db } from '../../src/db/client.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { loadRecipient, loadReminderContent, loadWorkspaceFacts } from '../../src/db/reminder-content.ts';
import { claimDueReminders, markSending, markSent } from '../../src/db/reminder-deliveries.ts';
import { replanWorkspace } from '../../src/db/reminder-plan.ts';
import { setStageDate } from '../../src/db/stages.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import { toLocalDate } from '../../src/domain/dates.ts';
import { STAGES } from '../../src/domain/stages.ts';
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { CLOCK, GROUPS, seedFanOut } from './fanout-seed.ts';
import { benchDatabase } from './support.ts';

const SCALE = 10;
const LIMITS: SendLimits = {
  perSecond: TELEGRAM_LIMITS.perSecond * SCALE,
  perGroupPerMinute: TELEGRAM_LIMITS.perGroupPerMinute * SCALE,
  perChatIntervalMs: TELEGRAM_LIMITS.perChatIntervalMs / SCALE,
};
const KILL_AFTER = 800;

const num = (v: number, digits = 0) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
const silent = { info() {}, warn() {}, error: (f: object, m: string) => console.error(m, f) };
const noChart = () => Promise.reject(new Error('no charts in the benchmark'));

// `npm run bench` runs every benchmark in one process, and bot.bench.ts and checklists.bench.ts
// answer every call in-process by setting Telegram.prototype.callApi: this one needs telegraf's
// own HTTP client (inherited from ApiClient), so the override goes.
if (Object.hasOwn(Telegram.prototype, 'callApi')) delete (Telegram.prototype as { callApi?: unknown }).callApi;

const bench = await benchDatabase();
const { db } = bench;
const url = `file:${join(bench.dir, 'bench.db')}`;
const frameworkId = (await findFrameworkIdByCode(db, 'spbe-2020'))!;
console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}`);
console.log(`limits ×${SCALE}: ${LIMITS.perSecond}/s overall, ${LIMITS.perGroupPerMinute}/min per group, ${LIMITS.perChatIntervalMs} ms per chat (Telegram: 30/s, 20/min, 1 s)`);

// ---- the fan-out database: 4 workspaces × 500 linked groups, 10 OPDs and 20 dokumen items each ----
const fanOut = await seedFanOut(db);
const { targets } = fanOut;
const fanOutRows = fanOut.rows;
const resetRows = () => fanOut.reset();

const api = createFakeBotApi({ limits: LIMITS, botUsername: 'spbe_bench_bot' });
const { apiRoot } = await api.start();

/** Accepted messages per chat from the fake's log; lost: a chat with none, or a row not sent. */
async function tally() {
  const perChat = new Map<string, number>();
  for (const call of api.callsOf('sendMessage')) {
    if (!call.response?.ok) continue;
    const chat = String(call.params['chat_id']);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
  }
  const duplicates = [...perChat.values()].reduce((n, k) => n + k - 1, 0);
  const chatsWithNone = targets.filter((t) => !perChat.has(String(t.chatId))).length;
  const notSent = await db.reminderDelivery.count({ where: { ...fanOutRows, state: { not: 'sent' } } });
  return { messages: [...perChat.values()].reduce((a, b) => a + b, 0), duplicates, chatsWithNone, notSent, ...api.limitStats };
}

// ---- run 1: one tick in this process ----
// A sliding 1-second window lets the first `perSecond` go at once: the n-th message can go
// floor((n-1)/perSecond) s after the first, so that is the best possible wall time.
const BEST_S = Math.floor((GROUPS - 1) / LIMITS.perSecond);
const run1Rows: string[] = [];
async function run1(journal: string, concurrency: number): Promise<void> {
  await resetRows();
  api.reset();
  const bot = createBot({ db, logger: silent, clock: { now: () => CLOCK }, charts: { domains: noChart, stages: noChart }, sendLimits: LIMITS },
    { token: api.token, apiRoot });
  const notifier = createNotifier(bot.telegram, () => 'spbe_bench_bot');
  const t0 = Date.now();
  const start = process.hrtime.bigint();
  await deliverDueReminders({ db, notifier, logger: silent, concurrency }, () => new Date(CLOCK.getTime() + Date.now() - t0));
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const r = await tally();
  const rate = r.messages / wallS;
  run1Rows.push(`| ${journal} | ${concurrency} | ${num(r.messages)} | ${num(wallS, 2)} | ${num(rate, 1)} | ${num(rate / LIMITS.perSecond, 2)} | ${num(r.rejected429)} | ${num(r.maxPerSecondSeen)} | ${num(r.duplicates)} | ${num(r.chatsWithNone)} / ${num(r.notSent)} |`);
  console.log(run1Rows.at(-1));
}

// ---- where the time of one message goes: each step alone, one row at a time ----
const stepRows: string[] = [];
async function stepCosts(journal: string): Promise<void> {
  await resetRows();
  const free = createFakeBotApi();
  const root = (await free.start()).apiRoot;
  const bot = createBot({ db, logger: silent, clock: { now: () => CLOCK }, charts: { domains: noChart, stages: noChart },
    sendLimits: { perSecond: 1e9, perGroupPerMinute: 1e9, perChatIntervalMs: 0 } }, { token: free.token, apiRoot: root });
  const notifier = createNotifier(bot.telegram, () => 'spbe_bench_bot');
  const rows = await claimDueReminders(db, CLOCK, 'steps', 500);
  const ws = (await loadWorkspaceFacts(db, [rows[0]!.workspaceId])).get(rows[0]!.workspaceId)!;
  const today = toLocalDate(CLOCK, ws.timeZone);
  const spent = { recipient: 0, content: 0, sending: 0, http: 0, sent: 0 };
  const timed = async <T>(step: keyof typeof spent, fn: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const out = await fn();
    spent[step] += Number(process.hrtime.bigint() - start) / 1e6;
    return out;
  };
  for (const row of rows) {
    await timed('recipient', () => loadRecipient(db, row));
    const content = await timed('content', () => loadReminderContent(db, row, { workspaceName: ws.name, timeZone: ws.timeZone, today, botUsername: 'spbe_bench_bot' }));
    if (!('message' in content)) throw new Error(`row ${row.id} would be skipped: ${content.skip}`);
    await timed('sending', () => markSending(db, row.id, 'steps'));
    await timed('http', () => notifier.send(row.telegramChatId, content.message));
    await timed('sent', () => markSent(db, [row.id], CLOCK));
  }
  await free.stop();
  const per = (ms: number) => ms / rows.length;
  const total = Object.values(spent).reduce((a, b) => a + b, 0);
  stepRows.push(`| ${journal} | ${num(per(spent.recipient), 2)} | ${num(per(spent.content), 2)} | ${num(per(spent.sending), 2)} | ${num(per(spent.http), 2)} | ${num(per(spent.sent), 2)} | ${num(per(total), 2)} | ${num(1000 / per(total), 0)} |`);
  console.log(stepRows.at(-1));
}

// ---- run 2: the tick in a child process, SIGKILLed mid fan-out, then restarted ----
function worker(concurrency: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./reminders-worker.ts', import.meta.url)),
    url, apiRoot, api.token, CLOCK.toISOString(), JSON.stringify(LIMITS), String(concurrency)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out })));
  return { child, exited };
}

const run2Rows: string[] = [];
const run2Verdicts: string[] = [];
async function run2(journal: string): Promise<void> {
  await resetRows();
  api.reset();
  const first = worker(8);
  const onCall = () => {
    if (api.limitStats.accepted >= KILL_AFTER && first.child.exitCode === null && !first.child.killed) first.child.kill('SIGKILL');
  };
  api.on('call', onCall);
  const killed = await first.exited;
  api.off('call', onCall);
  if (killed.signal !== 'SIGKILL') throw new Error(`the first worker was not killed: ${killed.code} ${killed.out}`);
  // What the dead process left: rows marked sending are the ones whose HTTP call may or may not have gone out.
  const atKill = Object.fromEntries((await db.reminderDelivery.groupBy({ by: ['state'], where: fanOutRows, _count: { _all: true } })).map((g) => [g.state, g._count._all]));
  const acceptedBeforeRestart = api.limitStats.accepted;
  const inFlight = atKill['sending'] ?? 0;

  const second = worker(8);
  const restarted = await second.exited;
  if (restarted.code !== 0) throw new Error(`the second worker failed: ${restarted.code} ${restarted.signal}`);
  const report = JSON.parse(restarted.out.trim().split('\n').at(-1)!) as { recovered: { released: number; inFlight: number }; summary: { sent: number }; deliveryMs: number };
  const r = await tally();
  const rate = (r.messages - acceptedBeforeRestart) / (report.deliveryMs / 1000);
  run2Rows.push(`| ${journal} | ${num(acceptedBeforeRestart)} | ${num(atKill['sent'] ?? 0)} / ${num(inFlight)} / ${num(atKill['pending'] ?? 0)} | ${num(report.recovered.inFlight)} | ${num(report.summary.sent)} | ${num(rate, 1)} | ${num(r.rejected429)} | ${num(r.duplicates)} | ${num(r.chatsWithNone)} / ${num(r.notSent)} |`);
  console.log(run2Rows.at(-1));
  const lost = r.chatsWithNone + r.notSent;
  run2Verdicts.push(`${journal}: lost ${num(lost)} (${lost === 0 ? 'ok' : 'NOT 0'}), duplicates ${num(r.duplicates)} ${r.duplicates <= inFlight ? '≤' : '> (TOO MANY)'} in flight ${num(inFlight)}`);
}

// ---- replanWorkspace: 40 OPDs × 40 items, 5 stage deadlines, 3 groups, 50 reachable members ----
const replan = await seedReplanWorkspace(db);
const created = await db.$transaction((tx) => replanWorkspace(tx, replan.workspaceId, CLOCK));
const pendingRows = await db.reminderDelivery.count({ where: { workspaceId: replan.workspaceId, state: 'pending' } });

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i); // i odd moves a thing, i even moves it back (the warm-up ended on 2: back)
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { runs, median: at(0.5), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / runs };
}

const REPLAN_RUNS = 30;
const replanRows: string[] = [];
async function replanTimes(journal: string): Promise<void> {
  const cases = [
    ['replanWorkspace, nothing changed (in a transaction)', () => db.$transaction((tx) => replanWorkspace(tx, replan.workspaceId, CLOCK))],
    ['changeItemStatus belum ↔ selesai (whole transaction, replan included)', (i: number) => changeItemStatus(db, {
      workspaceId: replan.workspaceId, itemId: replan.itemId, from: i % 2 ? 'belum' : 'selesai', to: i % 2 ? 'selesai' : 'belum', reason: null, at: CLOCK,
    }, CLI_ACTOR)],
    ['setStageDate: dokumen deadline moved a week (whole transaction, replan included)', (i: number) => setStageDate(db, {
      evaluationId: replan.evaluationId, workspaceId: replan.workspaceId, stage: 'dokumen', dueDate: i % 2 ? '2027-01-22' : '2027-01-15', dueTime: null,
    }, CLI_ACTOR, CLOCK)],
  ] as const;
  for (const [name, fn] of cases) {
    const f = await time(REPLAN_RUNS, fn);
    replanRows.push(`| ${journal} | ${name} | ${f.runs} | ${num(f.median, 2)} | ${num(f.p99, 2)} | ${num(f.mean, 2)} |`);
    console.log(replanRows.at(-1));
  }
}

const POOLS = [4, 8, 16, 32];
const shipped = String(((await db.$queryRawUnsafe('PRAGMA journal_mode')) as { journal_mode: string }[])[0]!.journal_mode);
for (const journal of [shipped, 'wal']) {
  if (journal !== shipped) await db.$queryRawUnsafe(`PRAGMA journal_mode=${journal}`); // kept in the file: the workers get it too
  console.log(`\n-- SQLite journal_mode ${journal}${journal === shipped ? ' (as the bot ships)' : ' (set by this benchmark)'}`);
  for (const pool of POOLS) await run1(journal, pool);
  await stepCosts(journal);
  await run2(journal);
  await replanTimes(journal);
}
await api.stop();

console.log(`\nRun 1: one delivery tick in this process (the fake Bot API too), ${num(GROUPS)} groups, one message each; limits ×${SCALE}; pool 8 is the default`);
console.log(`(best possible: ${num(BEST_S, 2)} s, the first ${LIMITS.perSecond} go at once in the sliding window)`);
console.log('| journal | pool | messages | wall s | delivered/s | ÷ limit | 429s | max in 1 s | duplicates | lost (no message / row not sent) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of run1Rows) console.log(row);

console.log('\nOne message, step by step (ms per row, one row at a time, 500 rows; HTTP to an unlimited fake in this process)');
console.log('| journal | loadRecipient | loadReminderContent | markSending | send (HTTP) | markSent | total | → at most /s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of stepRows) console.log(row);

console.log(`\nRun 2: the tick in a child process (pool 8), SIGKILLed once ${num(KILL_AFTER)} messages were accepted, then a new process that recovers and sends the rest`);
console.log('| journal | accepted before the restart | rows at the kill: sent / sending (in flight) / pending | recovered as in flight | sent after restart | restart delivered/s | 429s | duplicates | lost (no message / row not sent) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of run2Rows) console.log(row);
for (const verdict of run2Verdicts) console.log(verdict);

console.log(`\nreplanWorkspace on 40 OPDs × 40 items (${num(replan.items)}), 5 stage deadlines, 3 groups, ${num(replan.reachable)} reachable members; the first plan created ${num(created.created)} rows (${num(pendingRows)} pending)`);
console.log('| journal | operation | runs | median ms | p99 ms | mean ms |');
console.log('|---|---|---:|---:|---:|---:|');
for (const row of replanRows) console.log(row);
await bench.dispose();

async function seedReplanWorkspace(db: Db) {
  const { workspace, evaluation } = await createWorkspace(db, {
    slug: 'replan', name: 'Instansi Replan', timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2026, admin: null,
  }, CLI_ACTOR);
  const deadlines = { mandiri: '2026-12-11', dokumen: '2027-01-15', interviu: '2027-02-10', visitasi: '2027-03-05', final: '2027-03-31' } as const;
  for (const [kind, dueDate] of Object.entries(deadlines)) {
    await db.stage.update({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind } }, data: { dueDate } });
  }
  await db.opd.createMany({ data: Array.from({ length: 40 }, (_, o) => ({ workspaceId: workspace.id, code: `opd-${o + 1}`, name: `OPD ${o + 1}` })) });
  const opds = await db.opd.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: 'asc' }, select: { id: true } });
  // 50 people with a private chat: an admin-koordinator, 2 koordinators, a PIC per OPD, 7 pimpinan.
  const pics: number[] = [];
  for (let i = 0; i < 50; i++) {
    const roles = i === 0 ? ['admin', 'koordinator'] : i < 3 ? ['koordinator'] : i < 43 ? ['pic'] : ['pimpinan'];
    const person = await db.person.create({ data: { telegramId: BigInt(5_000_000 + i), displayName: `Orang ${i}`, privateChatAt: CLOCK } });
    await db.member.create({
      data: {
        workspaceId: workspace.id, personId: person.id, roles: { create: roles.map((role) => ({ role })) },
        ...(roles.includes('pic') ? { opds: { create: [{ opdId: opds[i - 3]!.id }] } } : {}),
      },
    });
    if (roles.includes('pic')) pics.push(person.id);
  }
  await db.chat.createMany({
    data: [null, opds[0]!.id, opds[1]!.id].map((opdId, g) => ({ workspaceId: workspace.id, telegramChatId: BigInt(-1_003_000_000_000 - g), type: 'supergroup', title: `Grup ${g}`, opdId })),
  });
  const statuses = ['belum', 'proses', 'diajukan', 'selesai', 'revisi', 'belum'];
  const stages = Object.entries(deadlines);
  await db.checklistItem.createMany({
    data: opds.flatMap((opd, o) => Array.from({ length: 40 }, (_, k) => {
      const [stage, stageDue] = stages[k % STAGES.length]!;
      // Half the items have their own due date a few days before the stage's deadline.
      const own = k % 2 === 0 ? new Date(new Date(`${stageDue}T00:00:00Z`).getTime() - (1 + (k % 7)) * 86_400_000).toISOString().slice(0, 10) : null;
      return {
        workspaceId: workspace.id, evaluationId: evaluation.id, opdId: opd.id, stage, title: `Butir ${k + 1} OPD ${o + 1}`,
        dueDate: own, assigneeId: k % 3 === 0 ? pics[o]! : null, status: statuses[(o + k) % statuses.length]!,
      };
    })),
  });
  // The item the status benchmark toggles: open, assigned, with its own due date.
  const item = await db.checklistItem.findFirstOrThrow({ where: { workspaceId: workspace.id, status: 'belum', assigneeId: { not: null }, dueDate: { not: null } } });
  return { workspaceId: workspace.id, evaluationId: evaluation.id, itemId: item.id, items: await db.checklistItem.count({ where: { workspaceId: workspace.id } }), reachable: 50 };
}
