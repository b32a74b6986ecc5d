// The delivery process of the reminders benchmark's kill-and-restart run (tests/bench/reminders.bench.ts
// spawns it, SIGKILLs one mid fan-out and starts another): recovers what a killed predecessor left,
// then sends everything due through the real bot sender (limiter, retries) to the parent's fake Bot
// API. Its clock is a fixed working-day instant moved on by the real time elapsed since start-up.
//   node --import tsx tests/bench/reminders-worker.ts <databaseUrl> <apiRoot> <token> <clockIso> <limitsJson> <concurrency>
import { createBot } from '../../src/bot/create-bot.ts';
import type { SendLimits } from '../../src/bot/limiter.ts';
import { createNotifier } from '../../src/bot/notifier.ts';
import { createDb } from '../../src/db/client.ts';
import { recoverAfterRestart } from '../../src/db/reminder-deliveries.ts';
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts';

const [url, apiRoot, token, clockIso, limitsJson, concurrency] = process.argv.slice(2);
const base = new Date(clockIso!).getTime();
const startedAt = Date.now();
const now = () => new Date(base + Date.now() - startedAt);
const db = createDb(url!);
const logger = { info() {}, warn() {}, error: (f: object, m: string) => process.stderr.write(`${m} ${JSON.stringify(f)}\n`) };
const noChart = () => Promise.reject(new Error('no charts in the worker'));
const bot = createBot({
  db, logger, clock: { now }, charts: { domains: noChart, stages: noChart }, sendLimits: JSON.parse(limitsJson!) as SendLimits,
}, { token: token!, apiRoot: apiRoot! });

const recovered = await recoverAfterRestart(db);
const start = process.hrtime.bigint();
const summary = await deliverDueReminders({
  db, logger, notifier: createNotifier(bot.telegram, () => 'spbe_bench_bot'), concurrency: Number(concurrency),
}, now);
const deliveryMs = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(`${JSON.stringify({ recovered, summary, deliveryMs })}\n`);
await db.$disconnect();
