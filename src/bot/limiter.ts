// One limiter for every outgoing message (docs/telegram.md): about 30 per second overall, 20 per
// minute per group, about 1 per second per chat; a 429 pauses everything for retry_after.
// Single-threaded: the check and the booking of a slot happen with no await between them.

export interface SendLimits {
  perSecond: number;
  perGroupPerMinute: number;
  /** minimum spacing of two messages to the same chat */
  perChatIntervalMs: number;
}

export const TELEGRAM_LIMITS: SendLimits = { perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 1_000 };

export class SendLimiter {
  private readonly recent: number[] = [];
  private readonly lastByChat = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();
  private pausedUntil = 0;

  constructor(
    private readonly limits: SendLimits,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** After a 429: nobody sends until the time Telegram asked for has passed. */
  pause(seconds: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + seconds * 1000);
  }

  private waitFor(chatId: number, now: number): number {
    while (this.recent.length > 0 && this.recent[0]! <= now - 1_000) this.recent.shift();
    const global = this.recent.length < this.limits.perSecond ? 0 : this.recent[0]! + 1_000 - now;
    const last = this.lastByChat.get(chatId);
    const chat = last === undefined ? 0 : last + this.limits.perChatIntervalMs - now;
    let group = 0;
    if (chatId < 0) {
      const sends = (this.groupSends.get(chatId) ?? []).filter((t) => t > now - 60_000);
      this.groupSends.set(chatId, sends);
      if (sends.length >= this.limits.perGroupPerMinute) group = sends[0]! + 60_000 - now;
    }
    return Math.max(this.pausedUntil - now, global, chat, group, 0);
  }

  /** Resolves when a message to `chatId` may go out, and books that slot. */
  async acquire(chatId: number): Promise<void> {
    for (;;) {
      const now = this.now();
      const wait = this.waitFor(chatId, now);
      if (wait <= 0) {
        this.recent.push(now);
        this.lastByChat.set(chatId, now);
        if (chatId < 0) this.groupSends.get(chatId)!.push(now);
        if (this.lastByChat.size > 50_000) this.forgetIdle(now);
        return;
      }
      await this.sleep(wait);
    }
  }

  private forgetIdle(now: number): void {
    for (const [chat, at] of this.lastByChat) if (at < now - 60_000) this.lastByChat.delete(chat);
    for (const [chat, sends] of this.groupSends) if ((sends.at(-1) ?? 0) < now - 60_000) this.groupSends.delete(chat);
  }
}
