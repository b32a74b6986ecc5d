// A reminder-delivery process for the crash test: recovers what a killed predecessor left, then
// sends everything due at a fixed instant through the real bot sender. Run with tsx:
//   tsx tests/support/reminder-worker.ts <databaseUrl> <apiRoot> <token> <nowIso> <perSecond>
import { createBot } from '../../src/bot/create-bot.ts';
import { createNotifier } from '../../src/bot/notifier.ts';
import { createDb } from '../../src/db/client.ts';
import { recoverAfterRestart } from '../../src/db/reminder-deliveries.ts';
import { deliverDueReminders } from '../../src/jobs/deliver-reminders.ts';

const [url, apiRoot, token, nowIso, perSecond] = process.argv.slice(2);
const db = createDb(url!);
const logger = { info() {}, warn() {}, error: (f: object, m: string) => process.stderr.write(`${m} ${JSON.stringify(f)}\n`) };
const now = new Date(nowIso!);
const noChart = () => Promise.reject(new Error('no charts in the worker'));
const bot = createBot({
  db, logger, clock: { now: () => now }, charts: { domains: noChart, stages: noChart },
  sendLimits: { perSecond: Number(perSecond), perGroupPerMinute: 1_000, perChatIntervalMs: 0 },
}, { token: token!, apiRoot: apiRoot! });
const recovered = await recoverAfterRestart(db);
const summary = await deliverDueReminders({ db, logger, notifier: createNotifier(bot.telegram, () => 'spbe_test_bot'), concurrency: 4 }, () => now);
process.stdout.write(`${JSON.stringify({ recovered, summary })}\n`);
await db.$disconnect();
