// Telegram's limits for the bot as a whole when several processes send (issue 13): each message
// first takes a slot from this process's own limiter (which paces its own sends without a query),
// then, when another process is alive, books one in the budget every process shares in the
// database (src/db/send-budget.ts), waiting as long as the shared window asks. A process alone
// pays no query for it (one short transaction, about 5–10 ms on PostgreSQL, per message). When the database cannot be reached the message goes
// on this process's limits alone: a reply is never held back by the budget's own trouble.
import type { Db } from '../db/client.ts';
import { bookSendSlot, settleSendSlot } from '../db/send-budget.ts';
import type { Logger } from '../log.ts';
import type { Limiter, SendLimiter, SendLimits } from './limiter.ts';
import { waitInWindow } from './limiter.ts';

interface Ticket { bookedAt: number; slotId: number | null }

export class SharedSendLimiter implements Limiter<Ticket> {
  private lastFailureLog = 0;

  constructor(
    private readonly db: Db,
    private readonly local: SendLimiter,
    private readonly limits: SendLimits,
    private readonly logger: Logger,
    /** whether the shared budget is needed now (another process is alive) */
    private readonly needed: () => boolean = () => true,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async acquire(chatId: number): Promise<Ticket> {
    const bookedAt = await this.local.acquire(chatId);
    if (!this.needed()) return { bookedAt, slotId: null };
    for (;;) {
      let booking;
      try {
        booking = await bookSendSlot(this.db, chatId, this.now(), (window) => waitInWindow(this.limits, window, chatId, this.now()));
      } catch (error) {
        this.logFailure(error);
        return { bookedAt, slotId: null };
      }
      if ('slotId' in booking) return { bookedAt, slotId: booking.slotId };
      await this.sleep(booking.waitMs);
    }
  }

  async settle(chatId: number, ticket: Ticket): Promise<void> {
    this.local.settle(chatId, ticket.bookedAt);
    if (ticket.slotId === null) return;
    try {
      await settleSendSlot(this.db, ticket.slotId, this.now());
    } catch (error) {
      this.logFailure(error);
    }
  }

  pause(seconds: number): void {
    this.local.pause(seconds);
  }

  /** At most one line a minute: a database that is down would otherwise log every message. */
  private logFailure(error: unknown): void {
    if (this.now() - this.lastFailureLog < 60_000) return;
    this.lastFailureLog = this.now();
    this.logger.warn({ err: error }, 'shared send budget unavailable: sending on this process\'s limits');
  }
}
