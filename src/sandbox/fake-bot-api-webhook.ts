// Webhook delivery as Telegram does it: POST the update as JSON, with the secret header when one
// was set, and retry a non-2xx answer or a failed connection after a growing delay. The answer's
// body is handed back because a bot may put a method call in it (telegraf does, see below).
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseParams } from './fake-bot-api-body.ts';
import type { Params, TgUpdate, WebhookDelivery } from './fake-bot-api-types.ts';

export interface WebhookAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

export interface DeliveryOptions {
  secretToken: string | undefined;
  /** Attempts after the first one. */
  retries: number;
  /** Delay before the first retry; doubled for each further one. */
  retryDelayMs: number;
  timeoutMs: number;
  signal: AbortSignal;
}

function post(url: string, update: TgUpdate, options: DeliveryOptions): Promise<WebhookAnswer> {
  const target = new URL(url);
  // Only node:http: a local bot's webhook server is plain HTTP (telegraf can serve one with
  // `webhookCallback`), and a fake that spoke TLS would need certificates for nothing.
  if (target.protocol !== 'http:') {
    return Promise.reject(new Error(`the fake Bot API delivers webhooks over http:// only, not ${target.protocol}`));
  }
  const body = Buffer.from(JSON.stringify(update));
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
  if (options.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = options.secretToken;
  return new Promise((resolve, reject) => {
    // agent: false: one connection per delivery, so stop() leaves no kept-alive socket behind.
    const req = request(target, { method: 'POST', headers, agent: false, signal: options.signal, timeout: options.timeoutMs });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    req.end(body);
  });
}

/** Fills in `delivery.attempts` and `delivery.ok`; calls `onAnswer` with the successful answer. */
async function deliver(
  delivery: WebhookDelivery,
  options: DeliveryOptions,
  onAnswer: (answer: WebhookAnswer) => void,
): Promise<void> {
  try {
    for (let attempt = 0; attempt <= options.retries; attempt += 1) {
      if (attempt > 0) await sleep(options.retryDelayMs * 2 ** (attempt - 1), undefined, { signal: options.signal });
      const at = Date.now();
      try {
        const answer = await post(delivery.url, delivery.update, options);
        delivery.attempts.push({ at, status: answer.status });
        if (answer.status >= 200 && answer.status < 300) {
          delivery.ok = true;
          onAnswer(answer);
          return;
        }
      } catch (error) {
        if (options.signal.aborted) throw error;
        delivery.attempts.push({ at, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } catch (error) {
    if (!options.signal.aborted) throw error;
    delivery.attempts.push({ at: Date.now(), error: 'the fake Bot API was stopped' });
  }
  delivery.ok = false;
}

export interface Webhook {
  url: string;
  secretToken: string | undefined;
}

export interface WebhookSettings {
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
}

/** A method call a bot put in its webhook answer (`{ method, ...params }`), if any. */
export function replyCallOf(answer: WebhookAnswer): { method: string; params: Params } | undefined {
  if (answer.body.length === 0) return undefined;
  let params: Params;
  try {
    params = parseParams(answer.contentType, answer.body, new URLSearchParams());
  } catch {
    return undefined; // a body that is not a method call is ignored, as Telegram ignores it
  }
  const method = params['method'];
  if (typeof method !== 'string') return undefined;
  delete params['method'];
  return { method, params };
}

/** Delivers pushed updates one at a time and in order (simpler in a test than Telegram's 40 connections). */
export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  lastError: { date: number; message: string } | undefined;
  private chain: Promise<void> = Promise.resolve();
  private abort = new AbortController();
  private readonly waiters = new Set<(delivery: WebhookDelivery) => void>();

  constructor(
    private readonly settings: WebhookSettings,
    private readonly onAnswer: (answer: WebhookAnswer) => void,
    private readonly onSettled: (delivery: WebhookDelivery) => void,
  ) {}

  get inFlight(): number {
    return this.deliveries.filter((d) => d.ok === undefined).length;
  }

  send(update: TgUpdate, webhook: Webhook): void {
    const delivery: WebhookDelivery = { update, url: webhook.url, attempts: [] };
    this.deliveries.push(delivery);
    const options: DeliveryOptions = { ...this.settings, secretToken: webhook.secretToken, signal: this.abort.signal };
    this.chain = this.chain
      .then(() => deliver(delivery, options, this.onAnswer))
      .catch((error: unknown) => {
        delivery.ok = false;
        delivery.attempts.push({ at: Date.now(), error: String(error) });
      })
      .then(() => {
        const last = delivery.attempts.at(-1);
        if (!delivery.ok && last) {
          this.lastError = { date: Math.floor(last.at / 1000), message: last.error ?? `Wrong response from the webhook: ${last.status}` };
        }
        for (const waiter of this.waiters) waiter(delivery);
        this.onSettled(delivery);
      });
  }

  /** Ends retries and requests in flight (they are recorded as failed). */
  cancelAll(): void {
    this.abort.abort();
    this.abort = new AbortController();
  }

  waitFor(updateId: number, timeoutMs: number): Promise<WebhookDelivery> {
    const settled = (d: WebhookDelivery): boolean => d.update.update_id === updateId && d.ok !== undefined;
    const done = this.deliveries.find(settled);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const waiter = (delivery: WebhookDelivery): void => {
        if (!settled(delivery)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(delivery);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`waitForDelivery(${updateId}): no settled webhook delivery within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
