// Three `npm start` processes in webhook mode on one PostgreSQL database, behind a round-robin
// proxy in front of them as nginx would be: every update is answered once whichever process
// gets it, a /tugaskan flow started on one process goes on across the others to its item, and a
// fan-out of reminders to 500 groups under Telegram's limits survives kill -9 of the process
// sending it. The processes' clocks start on a working morning (CLOCK_START), so the reminders
// are due whatever the hour the test runs.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM_LIMITS } from '../../src/bot/limiter.ts';
import { texts } from '../../src/bot/texts.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import { runCli } from '../../src/cli/run.ts';
import type { Db } from '../../src/db/client.ts';
import { createDb } from '../../src/db/client.ts';
import type { FakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { buttonsOf, freePort, textOf } from '../support/bot-harness.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { TEST_PROVIDER } from '../support/db.ts';
import { databaseUrl, dropDatabase, psql } from '../support/postgres.ts';

const onPostgres = TEST_PROVIDER === 'postgresql';
/** Tuesday 24 November 2026, 09.00 WIB: a working day, outside quiet hours. */
const CLOCK = new Date('2026-11-24T02:00:00Z');
/** H-3 of the dokumen deadline at 08.00 WIB, as the planner sets it. */
const DUE_AT = new Date('2026-11-24T01:00:00Z');
const STAGE_DUE = '2026-11-27';
const GROUPS = 500;
const name = `spbe_three_${process.pid}`;

interface BotProcess { child: ChildProcess; port: number; log: string; exited: Promise<number | null>; killed?: boolean }

/** Spreads requests over the backends in turn, and records which backend got each. */
async function roundRobin(ports: number[]) {
  const port = await freePort();
  const served: number[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const target = ports[next++ % ports.length]!;
    served.push(target);
    const upstream = request({ host: '127.0.0.1', port: target, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, served, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let api: FakeBotApi;
let db: Db | undefined;
const bots: BotProcess[] = [];
let proxy: Awaited<ReturnType<typeof roundRobin>> | undefined;

function startBot(port: number, proxyPort: number): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: databaseUrl(name), LOG_LEVEL: 'info',
      WEBHOOK_URL: `http://127.0.0.1:${proxyPort}/telegram/hook`, PORT: String(port), CLOCK_START: CLOCK.toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bot: BotProcess = { child, port, log: '', exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  child.stdout!.on('data', (d) => { bot.log += String(d); });
  child.stderr!.on('data', (d) => { bot.log += String(d); });
  return bot;
}

async function waitFor(bot: BotProcess, text: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (!bot.log.includes(text)) {
    if (Date.now() > until || bot.child.exitCode !== null) throw new Error(`no "${text}" in the log:\n${bot.log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** update_id of every "update handled" line of a process. */
const handledBy = (bot: BotProcess) => bot.log.split('\n').filter((l) => l.includes('"update handled"'))
  .map((l) => (JSON.parse(l) as { update_id: number }).update_id);

beforeAll(async () => {
  if (!onPostgres) return;
  // Telegram's own limits, refused with 429 like Telegram does: the bot as a whole must keep them.
  api = createFakeBotApi({ botUsername: 'spbe_test_bot', limits: TELEGRAM_LIMITS });
  await api.start();
  psql(`CREATE DATABASE "${name}"`);
  const ports = [await freePort(), await freePort(), await freePort()];
  proxy = await roundRobin(ports);
  // The first migrates the new database; the others start on it.
  bots.push(startBot(ports[0]!, proxy.port));
  await waitFor(bots[0]!, 'bot started');
  bots.push(startBot(ports[1]!, proxy.port), startBot(ports[2]!, proxy.port));
  await Promise.all(bots.slice(1).map((b) => waitFor(b, 'bot started')));
  // Each process shares Telegram's limits once it has seen the others (the first, within its next
  // presence check, 10 s): only then is the bot as a whole held to them.
  await Promise.all(bots.map((b) => waitFor(b, 'other bot processes found')));
  db = createDb(databaseUrl(name));
  const io = { out: () => undefined, err: () => undefined };
  const now = new Date();
  expect(await runCli({ db, io, now, cwd: REPO_ROOT }, ['workspace', 'create', '--slug', 'paser', '--name', 'Pemkab Paser', '--tz', 'WITA', '--admin', '6001'])).toBe(0);
  expect(await runCli({ db, io, now, cwd: REPO_ROOT }, ['opd', 'add', '--workspace', 'paser', '--code', 'bappeda', '--name', 'Bappeda'])).toBe(0);
}, 240_000);

afterAll(async () => {
  for (const bot of bots) bot.child.kill('SIGTERM');
  const codes = await Promise.all(bots.filter((b) => !b.killed).map((b) => b.exited));
  await proxy?.close();
  await db?.$disconnect();
  if (!onPostgres) return;
  await api.stop();
  dropDatabase(name);
  expect(codes.every((c) => c === 0)).toBe(true);
}, 60_000);

describe.skipIf(!onPostgres)('three processes behind a round-robin proxy', () => {
  it('answers every update once, whichever process receives it', async () => {
    const first = api.calls.length;
    const people = Array.from({ length: 12 }, (_, i) => 7_100 + i);
    for (const id of people) api.pushText({ chatId: id, from: { id, first_name: `Warga ${id}` }, text: '/indeks' });
    for (const id of people) {
      const reply = await api.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === id, { after: first, timeoutMs: 30_000 });
      expect(textOf(reply)).toBe(texts.noWorkspace);
    }
    // Give a duplicate the time it would need to show, then count.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const id of people) {
      expect(api.calls.slice(first).filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === id)).toHaveLength(1);
    }
    const handled = bots.map(handledBy);
    const all = handled.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(people.length);
    expect(handled.every((ids) => ids.length > 0)).toBe(true);
  }, 90_000);

  it('carries a /tugaskan flow from one process to the next to its item', async () => {
    const admin = { id: 6001, first_name: 'Ani' };
    const say = async (text: string) => {
      const after = api.calls.length;
      api.pushText({ chatId: admin.id, from: admin, text });
      return api.waitForCall((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === admin.id && !c.fault, { after, timeoutMs: 30_000 });
    };
    const press = async (messageId: number, data: string) => {
      const after = api.calls.length;
      api.pushCallback({ chatId: admin.id, from: admin, messageId, data });
      return api.waitForCall((c) => ['sendMessage', 'editMessageText'].includes(c.method) && Number(c.params.chat_id) === admin.id && !c.fault, { after, timeoutMs: 30_000 });
    };
    const servedBefore = proxy!.served.length;
    await say('/start');
    const start = await say('/tugaskan');
    const bappeda = buttonsOf(start).find(([label]) => label === 'Bappeda')![1];
    const opdMessage = (start.response as { result: { message_id: number } }).result.message_id;
    expect(textOf(await press(opdMessage, bappeda))).toContain('Bappeda');
    await say('-');
    await say('Unggah SK Tim Pemdi');
    await say('-');
    const who = api.messagesTo(admin.id).at(-1)!;
    const done = await press(who.message_id, 'tg-who:0');
    expect(textOf(done)).toMatch(/Item #\d+/);
    const item = await db!.checklistItem.findFirstOrThrow({ where: { title: 'Unggah SK Tim Pemdi' } });
    expect(item.opdId).toBeGreaterThan(0);
    // The steps went to every process in turn, and their replies kept Telegram's 1 a second to
    // this chat together (the send budget the processes share): no 429 since the start.
    expect(new Set(proxy!.served.slice(servedBefore)).size).toBe(3);
    expect(api.limitStats.rejected429).toBe(0);
  }, 90_000);

  it('sends a fan-out to 500 groups once, under the limits, when its sender is killed mid-way', async () => {
    const frameworkId = (await findFrameworkIdByCode(db!, 'spbe-2020'))!;
    const { workspace, evaluation } = await createWorkspace(db!, {
      slug: 'pengingat', name: 'Instansi Pengingat', timeZone: 'Asia/Jakarta', targetUnits: null, frameworkId, year: 2026, admin: null,
    }, CLI_ACTOR);
    await db!.stage.update({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind: 'dokumen' } }, data: { dueDate: STAGE_DUE } });
    await db!.opd.create({ data: { workspaceId: workspace.id, code: 'bappeda', name: 'Bappeda' } });
    const opd = await db!.opd.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    await db!.checklistItem.create({ data: { workspaceId: workspace.id, evaluationId: evaluation.id, opdId: opd.id, stage: 'dokumen', title: 'Butir 1' } });
    const chats = Array.from({ length: GROUPS }, (_, i) => BigInt(-1_003_000_000_000 - i));
    await db!.chat.createMany({
      data: chats.map((chatId, i) => ({ workspaceId: workspace.id, telegramChatId: chatId, type: 'supergroup', title: `Grup ${i}`, settings: '{"quietStart":0,"quietEnd":0}' })),
    });
    // One pending H-3 stage reminder per group, keyed and shaped as the planner writes them.
    await db!.reminderDelivery.createMany({
      data: chats.map((chatId) => ({
        workspaceId: workspace.id, key: `stage:${evaluation.id}:dokumen:${STAGE_DUE}:3:g${chatId}`, kind: 'stage-group', telegramChatId: chatId, dueAt: DUE_AT,
        payload: JSON.stringify({ evaluationId: evaluation.id, stage: 'dokumen', dueDate: STAGE_DUE, offset: 3, opdId: null }),
      })),
    });
    const toGroups = () => api.callsOf('sendMessage').filter((c) => c.response?.ok && Number(c.params.chat_id) <= -1_003_000_000_000 + 1 && Number(c.params.chat_id) > -1_003_000_000_000 - GROUPS);
    const until = async (test: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
      const end = Date.now() + timeoutMs;
      while (!(await test())) {
        if (Date.now() > end) {
          const states = await db!.reminderDelivery.groupBy({ by: ['state'], where: { workspaceId: workspace.id, dueAt: DUE_AT }, _count: { _all: true } });
          throw new Error(`timed out waiting for ${what}: ${JSON.stringify(states)}; sent ${toGroups().length}\n${bots.map((b) => b.log.split('\n').filter((l) => /lease|job|remind|takeover|error/i.test(l)).slice(-15).join('\n')).join('\n---\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };

    // The sender is the lease holder /healthz names; it starts on the next minute's tick.
    const health = await (await fetch(`http://127.0.0.1:${bots[0]!.port}/healthz`)).json() as { reminders: string };
    const sender = bots.find((b) => health.reminders.includes(`:${b.child.pid}:`))!;
    expect(sender).toBeDefined();
    await until(() => toGroups().length >= 100, 120_000, 'the fan-out to start');
    sender.child.kill('SIGKILL');
    sender.killed = true;
    const atKill = toGroups().length;
    expect(atKill).toBeLessThan(GROUPS);

    // Another process takes the lease over once it runs out, recovers the rows in flight and finishes.
    // (The new leader's replan adds the later offsets' rows, due days from now: not these.)
    await until(async () => (await db!.reminderDelivery.count({ where: { workspaceId: workspace.id, dueAt: DUE_AT, state: { not: 'sent' } } })) === 0, 240_000, 'every row sent');
    const perChat = new Map<number, number>();
    for (const call of toGroups()) perChat.set(Number(call.params.chat_id), (perChat.get(Number(call.params.chat_id)) ?? 0) + 1);
    const duplicates = [...perChat.values()].reduce((n, k) => n + k - 1, 0);
    expect(perChat.size).toBe(GROUPS);
    // At most the messages in flight when it died (the sender's pool) can go twice; none are lost.
    expect(duplicates).toBeLessThanOrEqual(TELEGRAM_LIMITS.perSecond);
    expect(api.limitStats.rejected429).toBe(0);
    const survivor = bots.find((b) => !b.killed)!;
    const after = await (await fetch(`http://127.0.0.1:${survivor.port}/healthz`)).json() as { reminders: string | null };
    expect(after.reminders).not.toBeNull();
    expect(after.reminders).not.toContain(`:${sender.child.pid}:`);
  }, 420_000);
});
