// Two bots on one database stand for two processes (each has its own in-process limiter, as two
// processes would): Telegram's limits must hold for them together, through the send budget they
// share in the database. The fake Bot API enforces the limits and answers 429 past them.
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/create-bot.ts';
import type { SendLimits } from '../../src/bot/limiter.ts';
import type { FakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';

const silent = { info() {}, warn() {}, error() {} };
const noChart = () => Promise.reject(new Error('no charts here'));
let api: FakeBotApi | undefined;
let t: TestDb | undefined;

afterEach(async () => {
  await api?.stop();
  await t?.close();
});

async function twoBots(limits: SendLimits) {
  api = createFakeBotApi({ botUsername: 'spbe_test_bot', limits });
  await api.start();
  t = createTestDb();
  const make = () => createBot({ db: t!.db, logger: silent, clock: { now: () => new Date() }, charts: { domains: noChart, stages: noChart }, sendLimits: limits },
    { token: api!.token, apiRoot: api!.apiRoot });
  return [make(), make()] as const;
}

describe('the send budget two processes share', () => {
  it('spaces messages to one person by a second, whichever process sends them', async () => {
    const [one, two] = await twoBots({ perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 1_000 });
    const chat = 7_001;
    await Promise.all([1, 2, 3].flatMap((i) => [
      one.telegram.sendMessage(chat, `satu ${i}`), two.telegram.sendMessage(chat, `dua ${i}`),
    ]));
    const sent = api!.callsOf('sendMessage').filter((c) => c.response?.ok).map((c) => c.at).sort((a, b) => a - b);
    expect(sent).toHaveLength(6);
    expect(api!.limitStats.rejected429).toBe(0);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(985);
    expect(api!.messagesTo(chat).map((m) => m.text).sort()).toEqual(['dua 1', 'dua 2', 'dua 3', 'satu 1', 'satu 2', 'satu 3']);
  }, 30_000);

  it('keeps the overall rate of both together under the per-second limit', async () => {
    const limits = { perSecond: 5, perGroupPerMinute: 1_000, perChatIntervalMs: 0 };
    const [one, two] = await twoBots(limits);
    // 12 messages each to 24 different people, all at once: 5 a second for the two together.
    await Promise.all(Array.from({ length: 12 }, (_, i) => [
      one.telegram.sendMessage(8_000 + i, 'pengingat'), two.telegram.sendMessage(8_100 + i, 'pengingat'),
    ]).flat());
    expect(api!.limitStats.accepted).toBe(24);
    expect(api!.limitStats.rejected429).toBe(0);
    expect(api!.limitStats.maxPerSecondSeen).toBeLessThanOrEqual(limits.perSecond);
    // Every message booked its slot in the one window both processes read.
    expect(await t!.db.sendSlot.count()).toBe(24);
  }, 30_000);
});
