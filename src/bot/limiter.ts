// One limiter for every outgoing message (docs/telegram.md): about 30 per second overall, 20 per
// minute per group, about 1 per second per chat; a 429 pauses everything for retry_after.
// Single-threaded: the check and the booking of a slot happen with no await between them.
// A slot is booked when the message is let go and moved to when its call ended (settle): Telegram
// counts the message when it arrives, somewhere in between, so a window counted from the end can
// never let the next second's messages land inside this second's window at Telegram, however
// late (event loop, network) this one's request went out.

export interface SendLimits {
  perSecond: number;
  perGroupPerMinute: number;
  /** minimum spacing of two messages to the same chat */
  perChatIntervalMs: number;
}

export const TELEGRAM_LIMITS: SendLimits = { perSecond: 30, perGroupPerMinute: 20, perChatIntervalMs: 1_000 };

/**
 * What the sender needs of a limiter: a slot before a message goes (its ticket), the slot moved
 * to the end of the call, and a pause after a 429. SendLimiter is this process's; SharedSendLimiter
 * (shared-limiter.ts) adds the budget all the bot's processes share.
 */
export interface Limiter<Ticket = unknown> {
  acquire(chatId: number): Promise<Ticket>;
  settle(chatId: number, ticket: Ticket): void | Promise<void>;
  pause(seconds: number): void;
}

/**
 * How long a message to `chatId` must wait at `now`, given the sends that count against it
 * (times in ms, oldest first; `chat` is the chat's own sends of the last minute). A window may
 * hold more than a limit's worth (slots booked by several processes): the wait is until enough
 * of them have left it.
 */
export function waitInWindow(limits: SendLimits, window: { recent: number[]; chat: number[] }, chatId: number, now: number): number {
  const recent = window.recent.filter((t) => t > now - 1_000);
  const global = recent.length < limits.perSecond ? 0 : recent[recent.length - limits.perSecond]! + 1_000 - now;
  const last = window.chat.at(-1);
  const chat = last === undefined ? 0 : last + limits.perChatIntervalMs - now;
  let group = 0;
  if (chatId < 0) {
    const sends = window.chat.filter((t) => t > now - 60_000);
    if (sends.length >= limits.perGroupPerMinute) group = sends[sends.length - limits.perGroupPerMinute]! + 60_000 - now;
  }
  return Math.max(global, chat, group, 0);
}

export class SendLimiter implements Limiter<number> {
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

  /** Resolves when a message to `chatId` may go out, and books that slot; returns the booking time, for `settle`. */
  async acquire(chatId: number): Promise<number> {
    for (;;) {
      const now = this.now();
      const wait = this.waitFor(chatId, now);
      if (wait <= 0) {
        this.recent.push(now);
        this.lastByChat.set(chatId, now);
        if (chatId < 0) this.groupSends.get(chatId)!.push(now);
        if (this.lastByChat.size > 50_000) this.forgetIdle(now);
        return now;
      }
      await this.sleep(wait);
    }
  }

  /** The call of the slot booked at `bookedAt` has ended (answered or failed): its slot counts from now. */
  settle(chatId: number, bookedAt: number): void {
    const now = this.now();
    const move = (times: number[]) => {
      const i = times.indexOf(bookedAt);
      if (i >= 0) times.splice(i, 1);
      times.push(now); // every stored time is at or before now: the list stays sorted
    };
    move(this.recent);
    this.lastByChat.set(chatId, Math.max(this.lastByChat.get(chatId) ?? now, now));
    if (chatId < 0) {
      const sends = this.groupSends.get(chatId) ?? [];
      move(sends);
      this.groupSends.set(chatId, sends);
    }
  }

  private forgetIdle(now: number): void {
    for (const [chat, at] of this.lastByChat) if (at < now - 60_000) this.lastByChat.delete(chat);
    for (const [chat, sends] of this.groupSends) if ((sends.at(-1) ?? 0) < now - 60_000) this.groupSends.delete(chat);
  }
}
