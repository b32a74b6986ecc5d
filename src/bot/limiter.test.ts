import { describe, expect, it } from 'vitest';
import { SendLimiter, waitInWindow } from './limiter.ts';

/** A fake clock whose sleep advances time, so the limiter's schedule is exact. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => { t += ms; }, at: () => t };
}

describe('SendLimiter', () => {
  it('spaces messages to one chat by the per-chat interval', async () => {
    const c = clock();
    const limiter = new SendLimiter({ perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 1_000 }, c.now, c.sleep);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) { await limiter.acquire(42); times.push(c.at()); }
    expect(times).toEqual([0, 1_000, 2_000]);
    await limiter.acquire(43); // another chat is not held back
    expect(c.at()).toBe(2_000);
  });

  it('sends at most 30 a second overall', async () => {
    const c = clock();
    const limiter = new SendLimiter({ perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 1_000 }, c.now, c.sleep);
    for (let chat = 1; chat <= 30; chat++) await limiter.acquire(chat);
    expect(c.at()).toBe(0);
    await limiter.acquire(31);
    expect(c.at()).toBe(1_000);
  });

  it('sends at most 20 a minute to one group', async () => {
    const c = clock();
    const limiter = new SendLimiter({ perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 0 }, c.now, c.sleep);
    for (let i = 0; i < 20; i++) await limiter.acquire(-100);
    expect(c.at()).toBe(0);
    await limiter.acquire(-100);
    expect(c.at()).toBe(60_000);
  });

  it('counts a slot from when its call ended, so a late request cannot crowd the next second', async () => {
    const c = clock();
    const limiter = new SendLimiter({ perSecond: 2, perGroupPerMinute: 20, perChatIntervalMs: 0 }, c.now, c.sleep);
    const first = await limiter.acquire(1);
    const second = await limiter.acquire(2);
    await c.sleep(300);
    limiter.settle(1, first);
    await c.sleep(100);
    limiter.settle(2, second); // answered at 400 ms: it may have reached Telegram only just before
    await limiter.acquire(3);
    expect(c.at()).toBe(1_300);
  });

  it('a 429 pauses every chat for retry_after', async () => {
    const c = clock();
    const limiter = new SendLimiter({ perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 0 }, c.now, c.sleep);
    limiter.pause(5);
    await limiter.acquire(7);
    expect(c.at()).toBe(5_000);
  });
});

describe('waitInWindow (the budget all processes share)', () => {
  const limits = { perSecond: 3, perGroupPerMinute: 4, perChatIntervalMs: 1_000 };

  it('lets a message go while the last second holds fewer than the limit', () => {
    expect(waitInWindow(limits, { recent: [100, 200], chat: [] }, 5, 500)).toBe(0);
    // sends older than a second no longer count
    expect(waitInWindow(limits, { recent: [-600, 100, 200], chat: [] }, 5, 500)).toBe(0);
  });

  it('waits until enough of the second\'s sends have left it, even when several processes overfilled it', () => {
    expect(waitInWindow(limits, { recent: [100, 200, 300], chat: [] }, 5, 500)).toBe(600);
    // five sends from two processes: two must leave before one more may go (the third oldest at 300)
    expect(waitInWindow(limits, { recent: [100, 200, 300, 400, 450], chat: [] }, 5, 500)).toBe(800);
  });

  it('spaces one chat by the interval, whoever sent the last message', () => {
    expect(waitInWindow(limits, { recent: [400], chat: [400] }, 5, 500)).toBe(900);
    expect(waitInWindow(limits, { recent: [], chat: [-600] }, 5, 500)).toBe(0);
  });

  it('holds a group to its messages a minute; a private chat has no such limit', () => {
    const minute = [-50_000, -40_000, -30_000, -20_000];
    expect(waitInWindow(limits, { recent: [], chat: minute }, -100, 0)).toBe(10_000);
    expect(waitInWindow(limits, { recent: [], chat: minute }, 100, 0)).toBe(0);
    // one of the four is older than a minute at 11 s: the group may have one more
    expect(waitInWindow(limits, { recent: [], chat: minute }, -100, 11_000)).toBe(0);
  });
});
