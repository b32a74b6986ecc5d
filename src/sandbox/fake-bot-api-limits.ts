// Telegram's flood limits (docs/telegram.md), enforced by the fake so that a test or a benchmark
// can prove the bot's sender stays under them: about 30 messages per second overall, 20 per
// minute to one group (chat id < 0), about 1 per second to one chat. A message over a limit is
// answered 429 with the whole seconds until it would have been accepted; only accepted messages
// fill the windows. Tests scale the numbers up, so nothing here assumes Telegram's values.
//
// Tolerance: the bot's limiter books a slot when it decides to send, the fake sees the request a
// little later, and that delay varies from one request to the next (event loop, sockets, another
// process). Without slack two messages the bot spaced exactly `perChatIntervalMs` apart could
// arrive a few ms closer and draw a false 429. So every window is shortened by `toleranceMs`
// (default 15 ms): a chat accepts a message `perChatIntervalMs - toleranceMs` after the previous
// one, the overall window spans `1000 - toleranceMs` ms and a group's `60 000 - toleranceMs` ms.
// A sender that really overshoots by more than that is still caught.
//
// Single-threaded like the fake itself: `wait` and `book` are called with no await between them.

/** The same shape as `SendLimits` of src/bot/limiter.ts (repeated: the fake models Telegram, not the bot). */
export interface FakeSendLimits {
  perSecond: number;
  perGroupPerMinute: number;
  /** Minimum spacing of two accepted messages to the same chat. */
  perChatIntervalMs: number;
}

export interface FakeLimitStats {
  /** Messages that passed the limits and were sent. */
  accepted: number;
  /** Messages answered 429 by the limits (faults queued with `failNext` are not counted). */
  rejected429: number;
  /** The most accepted messages in any 1000 ms window, all chats together (exact 1000 ms, no tolerance). */
  maxPerSecondSeen: number;
}

export interface FloodGateOptions {
  /** Absent: nothing is rejected, the stats are still kept. */
  limits?: FakeSendLimits;
  /** Default 15 ms; see the comment at the top of this file. */
  toleranceMs?: number;
  /** Milliseconds; default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_LIMIT_TOLERANCE_MS = 15;

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;

/** Calls that put a message into a chat, and so count against Telegram's limits (a media group counts once). */
export const LIMITED_METHODS: ReadonlySet<string> = new Set([
  'sendMessage', 'sendPhoto', 'sendDocument', 'sendMediaGroup', 'copyMessage', 'forwardMessage',
]);

/** The numeric target of a call, or undefined when there is none to count ('@channel', missing). */
export function limitedChatOf(params: Record<string, unknown>): number | undefined {
  const value = params['chat_id'];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

function checkLimits(limits: FakeSendLimits, toleranceMs: number): void {
  const positive = (name: keyof FakeSendLimits): void => {
    if (!Number.isFinite(limits[name]) || limits[name] < 1) throw new RangeError(`limits.${name} must be at least 1, got ${limits[name]}`);
  };
  positive('perSecond');
  positive('perGroupPerMinute');
  if (!Number.isFinite(limits.perChatIntervalMs) || limits.perChatIntervalMs < 0) {
    throw new RangeError(`limits.perChatIntervalMs must be 0 or more, got ${limits.perChatIntervalMs}`);
  }
  if (!Number.isFinite(toleranceMs) || toleranceMs < 0) throw new RangeError(`limitToleranceMs must be 0 or more, got ${toleranceMs}`);
}

/** Drops the times at the front of a sorted list that are at or before `cutoff`. */
function dropUpTo(times: number[], cutoff: number): void {
  let n = 0;
  while (n < times.length && times[n]! <= cutoff) n++;
  if (n > 0) times.splice(0, n);
}

/** Milliseconds until fewer than `limit` of `times` (sorted) lie in the window `(now - windowMs, now]`. */
function windowWait(times: readonly number[], limit: number, windowMs: number, now: number): number {
  let first = 0;
  while (first < times.length && times[first]! <= now - windowMs) first++;
  const inWindow = times.length - first;
  if (inWindow < limit) return 0;
  // The oldest `inWindow - limit + 1` must leave; the last of them leaves at its time + windowMs.
  return times[first + inWindow - limit]! + windowMs - now;
}

export class FloodGate {
  private readonly limits: FakeSendLimits | undefined;
  private readonly toleranceMs: number;
  private readonly now: () => number;
  /** Accepted messages of the last 1000 ms, all chats, oldest first. */
  private readonly recent: number[] = [];
  private readonly lastByChat = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();
  private counts: FakeLimitStats = { accepted: 0, rejected429: 0, maxPerSecondSeen: 0 };

  constructor(options: FloodGateOptions = {}) {
    this.toleranceMs = options.toleranceMs ?? DEFAULT_LIMIT_TOLERANCE_MS;
    if (options.limits) checkLimits(options.limits, this.toleranceMs);
    this.limits = options.limits ? { ...options.limits } : undefined;
    this.now = options.now ?? Date.now;
  }

  get enforced(): boolean {
    return this.limits !== undefined;
  }

  get stats(): FakeLimitStats {
    return { ...this.counts };
  }

  /**
   * Milliseconds until a message to `chatId` would be accepted; 0: now. Books nothing, so that a
   * message the method then refuses (400, 403) is not counted.
   */
  wait(chatId: number): number {
    const limits = this.limits;
    if (!limits) return 0;
    const now = this.now();
    const tolerance = this.toleranceMs;
    const overall = windowWait(this.recent, limits.perSecond, Math.max(0, SECOND_MS - tolerance), now);
    const last = this.lastByChat.get(chatId);
    const chat = last === undefined ? 0 : last + Math.max(0, limits.perChatIntervalMs - tolerance) - now;
    const sends = chatId < 0 ? this.groupSends.get(chatId) : undefined;
    const group = sends ? windowWait(sends, limits.perGroupPerMinute, Math.max(0, MINUTE_MS - tolerance), now) : 0;
    return Math.max(overall, chat, group, 0);
  }

  /** Counts an accepted message to `chatId`. */
  book(chatId: number): void {
    const now = this.now();
    dropUpTo(this.recent, now - SECOND_MS);
    this.recent.push(now);
    this.counts.accepted += 1;
    this.counts.maxPerSecondSeen = Math.max(this.counts.maxPerSecondSeen, this.recent.length);
    if (!this.limits) return;
    this.lastByChat.set(chatId, now);
    if (chatId < 0) {
      const sends = this.groupSends.get(chatId) ?? [];
      dropUpTo(sends, now - MINUTE_MS);
      sends.push(now);
      this.groupSends.set(chatId, sends);
    }
    if (this.lastByChat.size + this.groupSends.size > 10_000) this.forgetIdle(now);
  }

  /** Counts a message answered 429; returns `retry_after`: whole seconds, at least 1. */
  reject(waitMs: number): number {
    this.counts.rejected429 += 1;
    return Math.max(1, Math.ceil(waitMs / SECOND_MS));
  }

  /** Empties the windows and zeroes the stats. */
  reset(): void {
    this.recent.length = 0;
    this.lastByChat.clear();
    this.groupSends.clear();
    this.counts = { accepted: 0, rejected429: 0, maxPerSecondSeen: 0 };
  }

  /** Drops chats whose last message no longer holds anything back (a long benchmark touches many). */
  private forgetIdle(now: number): void {
    const interval = this.limits?.perChatIntervalMs ?? 0;
    for (const [chatId, at] of this.lastByChat) if (at <= now - interval) this.lastByChat.delete(chatId);
    for (const [chatId, sends] of this.groupSends) {
      dropUpTo(sends, now - MINUTE_MS);
      if (sends.length === 0) this.groupSends.delete(chatId);
    }
  }
}
