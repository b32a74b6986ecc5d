// Knowing when the bot has finished with what was just typed: telegraf handles a batch of
// updates completely before its next getUpdates, whose offset then passes those updates. The
// terminal waits on this before it takes the next line.
import type { FakeCall, TgUpdate } from './fake-bot-api.ts';

export class BotTurns {
  /** the highest getUpdates offset seen: every update below it has been handled by the bot */
  private polledPast = 0;
  private lastPushedUpdate = 0;
  private waiters: { updateId: number; resolve: () => void }[] = [];

  /** An update was pushed to the fake Bot API. */
  pushed(update: TgUpdate): void {
    this.lastPushedUpdate = Math.max(this.lastPushedUpdate, update.update_id);
  }

  /** The bot called getUpdates: what lies below its offset is done. */
  polled(call: FakeCall): void {
    const offset = call.params['offset'];
    if (typeof offset !== 'number' || offset <= this.polledPast) return;
    this.polledPast = offset;
    const ready = this.waiters.filter((w) => w.updateId < offset);
    this.waiters = this.waiters.filter((w) => w.updateId >= offset);
    for (const w of ready) w.resolve();
  }

  /** Resolves once the bot has handled the update pushed last, or after `timeoutMs` (calling `onTimeout`). */
  done(timeoutMs: number, onTimeout: () => void): Promise<void> {
    const updateId = this.lastPushedUpdate;
    if (this.polledPast > updateId) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== finish);
        onTimeout();
        resolve();
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ updateId, resolve: finish });
    });
  }

  /** Stops every wait (the session ends). */
  releaseAll(): void {
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }
}
