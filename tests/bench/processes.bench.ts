// The reminder fan-out to 2 000 groups as deployed (issue 13): one and three real bot processes
// (`node --import tsx src/main.ts`, as `npm start` runs it, in webhook mode) on one database,
// SQLite and PostgreSQL side by side, against the project's fake Bot API with Telegram's own
// limits (30/s overall, 20/min per group, 1/s per chat) answering 429 past them. The rows are
// written once a process holds the reminders lease (its start-up replan would otherwise skip rows
// already past due, as it does after downtime); its next minute's tick sends them. Figures come from the fake's log: the rate from the first accepted message
// to the last (best possible: the first 30 at once, then 30 a second), 429s, duplicates, lost.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Telegram } from 'telegraf';
import { TELEGRAM_LIMITS } from '../../src/bot/limiter.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { freePort } from '../support/bot-harness.ts';
import { serverReachable } from '../support/postgres.ts';
import { CLOCK, DUE_AT, GROUPS, seedFanOut } from './fanout-seed.ts';
import type { BenchProvider } from './support.ts';
import { benchDatabase, POSTGRES_SERVER } from './support.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
// bot.bench.ts and checklists.bench.ts answer calls in-process when run in the same `npm run bench`.
if (Object.hasOwn(Telegram.prototype, 'callApi')) delete (Telegram.prototype as { callApi?: unknown }).callApi;

interface Run { provider: BenchProvider; processes: number; wallS: number; perS: number; ofLimit: number; rejected: number; duplicates: number; lost: number; senders: number; crashed: number }

function startBot(url: string, apiRoot: string, token: string, port: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env, BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: url, PORT: String(port),
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`, CLOCK_START: CLOCK.toISOString(), LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Only what is needed: which process sent (one info line per Telegram call names its pid).
  let sent = 0;
  child.stderr!.on('data', (d: Buffer) => { sent += String(d).split('"method":"sendMessage"').length - 1; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, sent: () => sent };
}

async function fanOut(provider: BenchProvider, processes: number): Promise<Run> {
  const bench = await benchDatabase(provider);
  const seeded = await seedFanOut(bench.db);
  const api = createFakeBotApi({ limits: TELEGRAM_LIMITS, botUsername: 'spbe_bench_bot' });
  const { apiRoot } = await api.start();
  const bots: ReturnType<typeof startBot>[] = [];
  const ports: number[] = [];
  // The first alone (it migrates a new database, as in a rolling start), then the others.
  const holder = async () => {
    for (const started = Date.now(); ;) {
      const health = await fetch(`http://127.0.0.1:${ports[0]}/healthz`).then((r) => r.json() as Promise<{ reminders?: string | null }>).catch(() => null);
      if (health?.reminders) return health.reminders;
      if (Date.now() - started > 120_000) throw new Error(`${provider} × ${processes}: no process took the reminders lease`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  for (let i = 0; i < processes; i++) {
    ports.push(await freePort());
    bots.push(startBot(bench.url, apiRoot, api.token, ports[i]!));
    if (i === 0) await holder();
  }
  // Every process has started (its presence is in) before the rows are written.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  await seeded.reset();
  // The fan-out's own rows (a process taking the lease over replans, adding later offsets' rows).
  const notSent = () => bench.db.reminderDelivery.count({ where: { ...seeded.rows, dueAt: DUE_AT, state: { not: 'sent' } } });
  const deadline = Date.now() + 600_000;
  while (await notSent() > 0) {
    if (Date.now() > deadline) throw new Error(`${provider} × ${processes}: not finished in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const groups = new Set(seeded.targets.map((t) => String(t.chatId)));
  const accepted = api.callsOf('sendMessage').filter((c) => c.response?.ok && groups.has(String(c.params['chat_id'])));
  const perChat = new Map<string, number>();
  for (const c of accepted) perChat.set(String(c.params['chat_id']), (perChat.get(String(c.params['chat_id'])) ?? 0) + 1);
  const times = accepted.map((c) => c.at).sort((a, b) => a - b);
  const wallS = (times.at(-1)! - times[0]!) / 1000;
  const run: Run = {
    provider, processes, wallS, perS: (accepted.length - 1) / wallS, ofLimit: (accepted.length - 1) / wallS / TELEGRAM_LIMITS.perSecond,
    rejected: api.limitStats.rejected429, duplicates: accepted.length - perChat.size,
    lost: seeded.targets.filter((t) => !perChat.has(String(t.chatId))).length + await notSent(),
    senders: bots.filter((b) => b.sent() > 0).length,
    crashed: bots.filter((b) => b.child.exitCode !== null).length,
  };
  for (const b of bots) b.child.kill('SIGTERM');
  await Promise.all(bots.map((b) => b.exited));
  await api.stop();
  await bench.dispose();
  console.log(`${provider} × ${processes}: ${JSON.stringify(run)}`);
  return run;
}

const providers: BenchProvider[] = serverReachable() ? ['sqlite', 'postgresql'] : ['sqlite'];
const runs: Run[] = [];
for (const provider of providers) for (const processes of [1, 3]) runs.push(await fanOut(provider, processes));

const num = (v: number, digits: number) => v.toFixed(digits).replace('.', ',');
console.log(`\nReminder fan-out to ${GROUPS} groups by bot processes, Telegram's limits (30/s, 20/min per group, 1/s per chat)`);
console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}; PostgreSQL ${POSTGRES_SERVER}`);
console.log('| database | processes | processes that sent | exited early | wall s (first → last) | delivered/s | ÷ limit | 429s | duplicates | lost |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of runs) {
  console.log(`| ${r.provider === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.processes} | ${r.senders} | ${r.crashed} | ${num(r.wallS, 2)} | ${num(r.perS, 1)} | ${num(r.ofLimit, 2)} | ${r.rejected} | ${r.duplicates} | ${r.lost} |`);
}
