// The record of calls and the waiting on it. A waiter sees calls from its start index on, so
// `waitForCall` never resolves with a call made before the test asked (unless told `after`).
import { isUploadedFile } from './fake-bot-api-body.ts';
import type { FakeCall, Params } from './fake-bot-api-types.ts';

export type CallMatcher = string | ((call: FakeCall) => boolean);

export interface WaitOptions {
  timeoutMs?: number;
  /** Index into `calls` to search from, e.g. a `calls.length` read earlier; default: now. */
  after?: number;
}

interface Waiter {
  start: number;
  matches: (call: FakeCall) => boolean;
  resolve: (call: FakeCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

function describeParams(params: Params): string {
  const json = JSON.stringify(params, (_key, value: unknown) =>
    isUploadedFile(value) ? `<file ${value.filename}, ${value.size} bytes>` : value);
  return json.length > 160 ? `${json.slice(0, 157)}...` : json;
}

export function describeCall(call: FakeCall): string {
  const outcome = call.response === undefined ? 'pending'
    : call.response.ok ? 'ok' : `${call.response.error_code} ${call.response.description}`;
  return `#${call.index} ${call.method} ${describeParams(call.params)} -> ${outcome}`;
}

export class CallLog {
  readonly calls: FakeCall[] = [];
  private readonly waiters = new Set<Waiter>();

  record(method: string, params: Params, via: FakeCall['via']): FakeCall {
    const call: FakeCall = { index: this.calls.length, method, params, at: Date.now(), via };
    this.calls.push(call);
    return call;
  }

  /** Called once the call's answer is known (for getUpdates: once it is parked). */
  settle(call: FakeCall): void {
    for (const waiter of this.waiters) {
      if (call.index >= waiter.start && waiter.matches(call)) this.finish(waiter, () => waiter.resolve(call));
    }
  }

  of(method: string): FakeCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  waitFor(matcher: CallMatcher, options: WaitOptions = {}): Promise<FakeCall> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const start = options.after ?? this.calls.length;
    const matches = typeof matcher === 'string' ? (call: FakeCall) => call.method === matcher : matcher;
    const found = this.calls.slice(start).find(matches);
    if (found) return Promise.resolve(found);
    const label = typeof matcher === 'string' ? matcher : matcher.name || 'predicate';
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start,
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          // The last calls overall, not only those after `start`: what the bot did just before
          // is usually what explains the wait.
          const recent = this.calls.slice(-10).map(describeCall);
          this.finish(waiter, () => reject(new Error(
            `waitForCall(${label}) found no matching call from #${start} on within ${timeoutMs} ms; ` +
            `last calls: ${recent.length > 0 ? `\n  ${recent.join('\n  ')}` : 'none'}`)));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.calls.length = 0;
    // Indices restart at 0, so waiting from an index past the end would never see a call.
    for (const waiter of this.waiters) waiter.start = 0;
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters) this.finish(waiter, () => waiter.reject(error));
  }

  private finish(waiter: Waiter, settle: () => void): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    settle();
  }
}
