// Telegram's flood limits in the fake Bot API: the windows on an injected clock (exact, and the
// only sane way to test a per-minute window), then the fake over HTTP with plain fetch, as the
// bot's sender would meet it. Limits are small so every test stays well under 2 s.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SendLimiter, TELEGRAM_LIMITS } from '../../src/bot/limiter.ts';
import type { SendLimits } from '../../src/bot/limiter.ts';
import { FloodGate, LIMITED_METHODS } from '../../src/sandbox/fake-bot-api-limits.ts';
import { createFakeBotApi } from '../../src/sandbox/fake-bot-api.ts';
import type { ApiResponse, FakeBotApi, FakeBotApiOptions, FakeSendLimits } from '../../src/sandbox/fake-bot-api.ts';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startApi(options?: FakeBotApiOptions): Promise<FakeBotApi> {
  const api = createFakeBotApi(options);
  await api.start();
  cleanups.push(() => api.stop());
  return api;
}

interface Answer {
  status: number;
  body: ApiResponse;
}

async function post(api: FakeBotApi, method: string, params: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${api.apiRoot}/bot${api.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as ApiResponse };
}

const send = (api: FakeBotApi, chatId: number, text = 'halo'): Promise<Answer> => post(api, 'sendMessage', { chat_id: chatId, text });

function retryAfterOf(answer: Answer): number | undefined {
  return answer.body.ok ? undefined : answer.body.parameters?.retry_after;
}

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

/** Books the message when the gate lets it through; returns the wait otherwise. */
function offer(gate: FloodGate, chatId: number): number {
  const wait = gate.wait(chatId);
  if (wait <= 0) gate.book(chatId);
  return wait;
}

describe('FloodGate (injected clock)', () => {
  const loose: FakeSendLimits = { perSecond: 1_000, perGroupPerMinute: 1_000, perChatIntervalMs: 0 };

  it('overall: perSecond messages in a (1000 - tolerance) ms sliding window, then a wait until the oldest leaves', () => {
    const c = clock();
    const gate = new FloodGate({ limits: { ...loose, perSecond: 3 }, now: c.now });
    expect([offer(gate, 1), offer(gate, 2)]).toEqual([0, 0]);
    c.advance(500);
    expect(offer(gate, 3)).toBe(0);
    expect(offer(gate, 4)).toBe(485); // the first two leave 985 ms after they came
    c.advance(484);
    expect(offer(gate, 4)).toBe(1);
    c.advance(1);
    expect(offer(gate, 4)).toBe(0); // 985 ms later: inside the 15 ms tolerance of a 1000 ms window
    expect(offer(gate, 5)).toBe(0); // both at +0 have left
    expect(offer(gate, 6)).toBe(500); // +500, +985, +985 fill the window until +500 leaves
  });

  it('per chat: accepted from perChatIntervalMs - tolerance after the previous, other chats not held back', () => {
    const c = clock();
    const gate = new FloodGate({ limits: { ...loose, perChatIntervalMs: 100 }, now: c.now });
    expect(offer(gate, 42)).toBe(0);
    c.advance(84);
    expect(offer(gate, 42)).toBe(1);
    expect(offer(gate, 43)).toBe(0);
    c.advance(1);
    expect(offer(gate, 42)).toBe(0);
    expect(offer(gate, 42)).toBe(85);
  });

  it('per group: perGroupPerMinute in a (60 000 - tolerance) ms sliding window; private chats have no such cap', () => {
    const c = clock();
    const gate = new FloodGate({ limits: { ...loose, perGroupPerMinute: 3, perChatIntervalMs: 1_000 }, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(offer(gate, -100)).toBe(0);
      expect(offer(gate, 7)).toBe(0);
      c.advance(10_000);
    }
    expect(offer(gate, -100)).toBe(60_000 - 15 - 30_000);
    expect(offer(gate, 7)).toBe(0);
    expect(offer(gate, -200)).toBe(0); // another group has its own minute
    c.advance(29_985);
    expect(offer(gate, -100)).toBe(0); // the one at +0 left the minute
    expect(offer(gate, -100)).toBe(10_000); // the one at +10 s has not
    c.advance(10_000);
    expect(offer(gate, -100)).toBe(0);
    expect(gate.stats).toEqual({ accepted: 10, rejected429: 0, maxPerSecondSeen: 2 });
  });

  it('retry_after is the whole seconds until acceptance, at least 1', () => {
    const gate = new FloodGate({ limits: loose, now: clock().now });
    expect([gate.reject(1), gate.reject(985), gate.reject(1_000), gate.reject(1_001), gate.reject(59_985)]).toEqual([1, 1, 1, 2, 60]);
    expect(gate.stats.rejected429).toBe(5);
  });

  it('the tolerance is an option; 0 makes the windows exact', () => {
    const c = clock();
    const gate = new FloodGate({ limits: { ...loose, perSecond: 1, perChatIntervalMs: 100 }, toleranceMs: 0, now: c.now });
    expect(offer(gate, 1)).toBe(0);
    c.advance(999);
    expect(offer(gate, 2)).toBe(1);
    c.advance(1);
    expect(offer(gate, 2)).toBe(0);
  });

  it('maxPerSecondSeen is the most accepted in any 1000 ms window, kept even without limits', () => {
    const c = clock();
    const gate = new FloodGate({ now: c.now });
    for (let i = 0; i < 4; i++) { expect(offer(gate, 1)).toBe(0); c.advance(300); } // +0 +300 +600 +900
    c.advance(2_000);
    for (let i = 0; i < 3; i++) offer(gate, 2);
    expect(gate.stats).toEqual({ accepted: 7, rejected429: 0, maxPerSecondSeen: 4 });
    c.advance(1_000);
    offer(gate, 3); // +0 of the burst just left: its window is 1000 ms exactly, half-open
    expect(gate.stats.maxPerSecondSeen).toBe(4);
    gate.reset();
    expect(gate.stats).toEqual({ accepted: 0, rejected429: 0, maxPerSecondSeen: 0 });
  });

  it('refuses limits that would reject everything', () => {
    expect(() => new FloodGate({ limits: { ...loose, perSecond: 0 } })).toThrow(RangeError);
    expect(() => new FloodGate({ limits: { ...loose, perChatIntervalMs: -1 } })).toThrow(RangeError);
    expect(() => new FloodGate({ limits: loose, toleranceMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('fake Bot API with flood limits (HTTP)', () => {
  it('answers a burst beyond perSecond with 429 "Too Many Requests: retry after N", recorded like a fault', async () => {
    const api = await startApi({ limits: { perSecond: 5, perGroupPerMinute: 100, perChatIntervalMs: 0 } });
    const answers: Answer[] = [];
    for (let chat = 1; chat <= 7; chat++) answers.push(await send(api, chat));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = answers[5]!;
    expect(refused.body).toEqual({
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfterOf(refused)}`,
      parameters: { retry_after: retryAfterOf(refused) },
    });
    expect(retryAfterOf(refused)).toBe(1); // the first of the burst leaves within the second
    const call = api.callsOf('sendMessage')[5]!;
    expect(call.fault).toEqual({ kind: '429', retryAfter: 1 });
    expect(call.response).toEqual(refused.body);
    expect(api.messagesTo(6)).toEqual([]); // nothing was sent
    expect(api.limitStats).toEqual({ accepted: 5, rejected429: 2, maxPerSecondSeen: 5 });
  });

  it('answers 429 to the second of two messages to one chat closer than perChatIntervalMs', async () => {
    const api = await startApi({ limits: { perSecond: 100, perGroupPerMinute: 100, perChatIntervalMs: 1_000 } });
    expect((await send(api, 42)).status).toBe(200);
    const second = await send(api, 42);
    expect(second.status).toBe(429);
    expect(retryAfterOf(second)).toBe(1);
    expect((await send(api, 43)).status).toBe(200); // another chat is not held back
    expect(api.messagesTo(42).map((m) => m.text)).toEqual(['halo']);
  });

  it('answers 429 to a group past perGroupPerMinute, with the seconds left of its minute', async () => {
    const api = await startApi({ limits: { perSecond: 100, perGroupPerMinute: 3, perChatIntervalMs: 0 } });
    for (let i = 0; i < 3; i++) expect((await send(api, -100500)).status).toBe(200);
    const fourth = await send(api, -100500);
    expect(fourth.status).toBe(429);
    expect(retryAfterOf(fourth)).toBeGreaterThanOrEqual(59);
    expect(retryAfterOf(fourth)).toBeLessThanOrEqual(60);
    expect((await send(api, 501)).status).toBe(200); // a private chat has no per-minute cap
    expect((await send(api, -100600)).status).toBe(200);
    expect(api.limitStats).toMatchObject({ accepted: 5, rejected429: 1 });
  });

  it('counts every message-creating method, and nothing else', async () => {
    const api = await startApi({ limits: { perSecond: 100, perGroupPerMinute: 100, perChatIntervalMs: 1_000 } });
    const sent = await send(api, -100700);
    const messageId = sent.body.ok ? (sent.body.result as { message_id: number }).message_id : 0;
    // Other methods to the same chat pass, however close.
    expect((await post(api, 'editMessageText', { chat_id: -100700, message_id: messageId, text: 'ubah' })).status).toBe(200);
    expect((await post(api, 'getChat', { chat_id: -100700 })).status).toBe(200);
    expect((await post(api, 'sendChatAction', { chat_id: -100700, action: 'typing' })).status).toBe(200);
    // Each of these is a new message to the chat, and arrives too soon. (sendMediaGroup,
    // copyMessage and forwardMessage count too, but the fake does not implement them yet: 404.)
    const limited = [
      ['sendMessage', { text: 'x' }],
      ['sendPhoto', { photo: 'https://example.org/a.png' }],
      ['sendDocument', { document: 'https://example.org/a.csv' }],
    ] as const;
    for (const [method, params] of limited) {
      expect(`${method} ${(await post(api, method, { chat_id: -100700, ...params })).status}`).toBe(`${method} 429`);
    }
    expect(api.limitStats).toEqual({ accepted: 1, rejected429: limited.length, maxPerSecondSeen: 1 });
    expect([...LIMITED_METHODS].sort()).toEqual(['copyMessage', 'forwardMessage', 'sendDocument', 'sendMediaGroup', 'sendMessage', 'sendPhoto']);
  });

  it('accepts spaced messages to one chat, all of them', async () => {
    const api = await startApi({ limits: { perSecond: 10, perGroupPerMinute: 100, perChatIntervalMs: 100 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      if (i > 0) await sleep(105);
      statuses.push((await send(api, -100800)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(api.limitStats).toMatchObject({ accepted: 6, rejected429: 0 });
  });

  // On a virtual clock, not the wall clock: a loaded machine delays HTTP arrivals, which made the
  // wall-clock version fail without any fault in the limiter. What is checked is the schedule the
  // limiter produces: every slot it grants is offered, at its own time, to the fake API's flood gate.
  it('keeps the bot limiter (same SendLimits) free of 429 in a concurrent burst', async () => {
    const limits: SendLimits = { perSecond: 10, perGroupPerMinute: 3, perChatIntervalMs: 100 };
    let now = 0;
    const sleepers: { at: number; wake: () => void }[] = [];
    const sleep = (ms: number) => new Promise<void>((wake) => { sleepers.push({ at: now + ms, wake }); });
    const limiter = new SendLimiter(limits, () => now, sleep);
    const gate = new FloodGate({ limits, now: () => now });
    // 20 private chats, 5 messages to one group and 3 more to one private chat, all at once.
    const chats = [...Array.from({ length: 20 }, (_, i) => i + 1), ...Array(5).fill(-100_900), 7, 7, 7];
    const granted: { chat: number; at: number }[] = [];
    const burst = Promise.all(chats.map(async (chat) => { await limiter.acquire(chat); granted.push({ chat, at: now }); }));
    let done = false;
    void burst.then(() => { done = true; });
    // The clock moves only when every waiting acquire sleeps: to the earliest wake-up.
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done || sleepers.length === 0) continue;
      sleepers.sort((a, b) => a.at - b.at);
      now = sleepers[0]!.at;
      for (const s of sleepers.splice(0).filter((x) => x.at <= now)) s.wake();
    }
    await burst;
    expect(granted).toHaveLength(chats.length);
    const refused = [];
    for (const { chat, at } of [...granted].sort((a, b) => a.at - b.at)) {
      now = at;
      const wait = gate.wait(chat);
      if (wait > 0) refused.push({ chat, at, wait });
      else gate.book(chat);
    }
    expect(refused).toEqual([]);
    expect(gate.stats).toMatchObject({ accepted: chats.length, rejected429: 0 });
    // The limits were used, not merely avoided: 10 a second, the group's 3 in the first minute, 100 ms per chat.
    expect(gate.stats.maxPerSecondSeen).toBe(10);
    const groupTimes = granted.filter((g) => g.chat === -100_900).map((g) => g.at).sort((a, b) => a - b);
    expect(groupTimes.filter((at) => at < 60_000)).toHaveLength(3);
    expect(groupTimes[3]).toBeGreaterThanOrEqual(60_000);
  });

  it('takes Telegram\'s own numbers as they are in the bot', async () => {
    const api = await startApi({ limits: TELEGRAM_LIMITS });
    expect((await send(api, 42)).status).toBe(200);
    expect((await send(api, 42)).status).toBe(429);
  });

  it('rejects nothing without limits, and still counts', async () => {
    const api = await startApi();
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++) answers.push(await send(api, i % 2 === 0 ? 42 : -100900));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(api.limitStats).toMatchObject({ accepted: 40, rejected429: 0 });
    expect(api.limitStats.maxPerSecondSeen).toBeGreaterThan(1);
  });

  it('stats add up: refused (400) and planned 429 calls are not counted; reset() zeroes them and the windows', async () => {
    const api = await startApi({ limits: { perSecond: 100, perGroupPerMinute: 100, perChatIntervalMs: 1_000 } });
    expect((await post(api, 'sendMessage', { chat_id: 42, text: '' })).status).toBe(400); // not sent, not counted
    api.failNext('sendMessage', { kind: '429', retryAfter: 3 });
    expect(retryAfterOf(await send(api, 42))).toBe(3);
    expect((await send(api, 42)).status).toBe(200);
    expect((await send(api, 42)).status).toBe(429);
    expect((await send(api, 43)).status).toBe(200);
    const stats = api.limitStats;
    expect(stats).toEqual({ accepted: 2, rejected429: 1, maxPerSecondSeen: 2 });
    const answered = api.callsOf('sendMessage').filter((c) => c.response?.ok === true || c.fault?.kind === '429');
    expect(answered).toHaveLength(stats.accepted + stats.rejected429 + 1); // + the planned fault

    api.reset();
    expect(api.limitStats).toEqual({ accepted: 0, rejected429: 0, maxPerSecondSeen: 0 });
    expect((await send(api, 42)).status).toBe(200); // the chat's spacing was forgotten too
  });
});
