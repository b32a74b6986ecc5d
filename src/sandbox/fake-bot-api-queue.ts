// The getUpdates side of the fake: a queue of unconfirmed updates and at most one long poll
// waiting on it. Semantics follow the Bot API: `offset` confirms (forgets) every update below it,
// a negative offset keeps only the last -offset updates, `limit` is 1..100 (default 100), and
// `timeout` seconds are waited for the first update. A new poll ends the older pending one with
// 409, which is how Telegram tells a second bot instance that it is not alone.
import type { ApiResponse, Params, TgUpdate } from './fake-bot-api-types.ts';

export const CONFLICT_OTHER_POLL = 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

export interface Poll {
  response: Promise<ApiResponse>;
  /** The client went away: forget the poll so that no update is handed to a closed socket. */
  cancel(): void;
}

interface PendingPoll {
  limit: number;
  resolve: (response: ApiResponse) => void;
  timer: NodeJS.Timeout;
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

const ok = (result: unknown): ApiResponse => ({ ok: true, result });

export class UpdateQueue {
  private updates: TgUpdate[] = [];
  private pending: PendingPoll | undefined;
  private flushScheduled = false;

  get size(): number {
    return this.updates.length;
  }

  list(): readonly TgUpdate[] {
    return [...this.updates];
  }

  push(update: TgUpdate): void {
    this.updates.push(update);
    // Deferred, so that updates pushed in one go reach the bot in one answer, as they would.
    if (this.pending && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Hands everything queued to a webhook (or drops it): the queue is left empty. */
  take(): TgUpdate[] {
    const taken = this.updates;
    this.updates = [];
    return taken;
  }

  poll(params: Params): Poll {
    const offset = integer(params['offset']) ?? 0;
    const limit = Math.min(100, Math.max(1, integer(params['limit']) ?? 100));
    const timeoutSeconds = Math.max(0, integer(params['timeout']) ?? 0);
    if (offset > 0) this.updates = this.updates.filter((update) => update.update_id >= offset);
    if (offset < 0) this.updates = this.updates.slice(offset);
    this.end({ ok: false, error_code: 409, description: CONFLICT_OTHER_POLL });
    if (this.updates.length > 0 || timeoutSeconds === 0) {
      return { response: Promise.resolve(ok(this.updates.slice(0, limit))), cancel: () => undefined };
    }
    let mine: PendingPoll | undefined;
    const response = new Promise<ApiResponse>((resolve) => {
      const timer = setTimeout(() => this.end(ok([])), timeoutSeconds * 1000);
      mine = { limit, resolve, timer };
      this.pending = mine;
    });
    return {
      response,
      cancel: () => {
        if (this.pending !== mine || !mine) return;
        // Recorded on the call only: there is no socket left to answer on.
        this.end({ ok: false, error_code: 499, description: 'the client closed the request (e.g. bot.stop())' });
      },
    };
  }

  /** Answers the pending poll, if any, with `response` (409 for a newer poll, [] on stop). */
  end(response: ApiResponse): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(response);
  }

  private flush(): void {
    this.flushScheduled = false;
    const pending = this.pending;
    if (!pending || this.updates.length === 0) return;
    this.end(ok(this.updates.slice(0, pending.limit)));
  }
}
