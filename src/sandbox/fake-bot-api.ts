// The project's own fake Telegram Bot API server, on node:http and 127.0.0.1 only. The end-to-end
// tests point a real telegraf at it, and so does the sandbox a newcomer runs without Telegram:
// telegraf calls `POST {apiRoot}/bot{token}/{method}` exactly as it would call Telegram, and a
// test (or the sandbox's terminal) plays the user with push*(). See docs/architecture.md.
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { ApiError, faultError, FaultPlan } from './fake-bot-api-errors.ts';
import { HttpFront } from './fake-bot-api-http.ts';
import { FloodGate, LIMITED_METHODS, limitedChatOf } from './fake-bot-api-limits.ts';
import type { FakeLimitStats, FakeSendLimits } from './fake-bot-api-limits.ts';
import { CallLog } from './fake-bot-api-log.ts';
import type { CallMatcher, WaitOptions } from './fake-bot-api-log.ts';
import { createMessageMethods } from './fake-bot-api-messages.ts';
import type { MethodHandler } from './fake-bot-api-messages.ts';
import { UpdateQueue } from './fake-bot-api-queue.ts';
import { ChatStore } from './fake-bot-api-store.ts';
import type { ApiResponse, Fault, FakeCall, Params, TgMessage, TgUpdate, TgUser, WebhookDelivery } from './fake-bot-api-types.ts';
import { callbackQuery, documentMessage, migrationMessage, photoMessage, textMessage } from './fake-bot-api-updates.ts';
import type { PushCallbackOptions, PushDocumentOptions, PushMigrationOptions, PushPhotoOptions, PushTextOptions } from './fake-bot-api-updates.ts';
import { replyCallOf, WebhookSender } from './fake-bot-api-webhook.ts';
import type { Webhook, WebhookAnswer } from './fake-bot-api-webhook.ts';
import { createSettingsMethods } from './fake-bot-api-settings.ts';

export type * from './fake-bot-api-types.ts';
export type { CallMatcher, WaitOptions } from './fake-bot-api-log.ts';
export type { FakeLimitStats, FakeSendLimits } from './fake-bot-api-limits.ts';
export type { PushCallbackOptions, PushDocumentOptions, PushMigrationOptions, PushPhotoOptions, PushTextOptions } from './fake-bot-api-updates.ts';
export { CONFLICT_OTHER_POLL } from './fake-bot-api-queue.ts';

export interface FakeBotApiOptions {
  /** Default `${botId}:fake-token`. */
  token?: string;
  botUsername?: string;
  /** Default: the number before the token's colon, else 7000000001. */
  botId?: number;
  botFirstName?: string;
  /** Webhook attempts after the first failed one (default 3). */
  webhookRetries?: number;
  /** Delay before the first webhook retry, doubled for each further one (default 200 ms). */
  webhookRetryDelayMs?: number;
  webhookTimeoutMs?: number;
  /**
   * Telegram's flood limits, enforced on sendMessage, sendPhoto, sendDocument, sendMediaGroup,
   * copyMessage and forwardMessage: a message over one is answered 429 `Too Many Requests: retry
   * after N`. Off when absent. Same shape as `SendLimits` of src/bot/limiter.ts; scale it freely.
   */
  limits?: FakeSendLimits;
  /**
   * Slack for clock jitter between the bot's limiter and the fake (default 15 ms): every window
   * is this much shorter, so a chat accepts a message `perChatIntervalMs - 15` ms after the last.
   */
  limitToleranceMs?: number;
}

export type FakeBotApiEvents = {
  /** Every recorded call, once answered (getUpdates: when it arrives). */
  call: [FakeCall];
  update: [TgUpdate];
  /** A webhook delivery that succeeded or gave up. */
  delivery: [WebhookDelivery];
};

const ok = (result: unknown): ApiResponse => ({ ok: true, result });

export class FakeBotApi extends EventEmitter<FakeBotApiEvents> {
  readonly token: string;
  readonly botUser: TgUser;
  private readonly log = new CallLog();
  private readonly store = new ChatStore();
  private readonly queue = new UpdateQueue();
  private readonly handlers: Record<string, MethodHandler>;
  private readonly methodNames: Map<string, string>;
  private readonly faults = new FaultPlan();
  /** basic group id → the supergroup it became */
  private readonly migrated = new Map<number, number>();
  private readonly http: HttpFront;
  private readonly webhookSender: WebhookSender;
  private readonly floodGate: FloodGate;
  private server: Server | undefined;
  private root: string | undefined;
  private webhook: Webhook | undefined;
  private lastUpdateId = 0;

  constructor(options: FakeBotApiOptions = {}) {
    super();
    const idFromToken = /^(\d+):/.exec(options.token ?? '')?.[1];
    const botId = options.botId ?? (idFromToken ? Number(idFromToken) : 7000000001);
    this.token = options.token ?? `${botId}:fake-token`;
    this.floodGate = new FloodGate({
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.limitToleranceMs !== undefined ? { toleranceMs: options.limitToleranceMs } : {}),
    });
    this.botUser = { id: botId, is_bot: true, first_name: options.botFirstName ?? 'SPBE Bot', username: options.botUsername ?? 'spbe_sandbox_bot' };
    this.webhookSender = new WebhookSender(
      { retries: options.webhookRetries ?? 3, retryDelayMs: options.webhookRetryDelayMs ?? 200, timeoutMs: options.webhookTimeoutMs ?? 10_000 },
      (answer) => this.onWebhookAnswer(answer),
      (delivery) => this.emit('delivery', delivery),
    );
    this.handlers = {
      ...createMessageMethods(this.store, this.botUser),
      ...createSettingsMethods({
        me: this.botUser,
        setWebhook: (webhook, dropPending) => this.switchDelivery(webhook, dropPending),
        webhookInfo: () => this.webhookInfo(),
      }),
    };
    this.methodNames = new Map(['getUpdates', ...Object.keys(this.handlers)].map((name) => [name.toLowerCase(), name]));
    this.http = new HttpFront({
      token: this.token,
      resolveMethod: (name) => this.methodNames.get(name.toLowerCase()),
      execute: (method, params, via, onPoll) => this.execute(method, params, via, onPoll),
      refuse: (method, params, response) => this.refuse(method, params, response),
      fileData: (path) => this.store.fileByPath(path)?.data,
    });
  }

  /** All calls in arrival order (the same array throughout; `reset()` empties it). */
  get calls(): readonly FakeCall[] {
    return this.log.calls;
  }

  /** Every webhook delivery in push order, with its attempts. */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.webhookSender.deliveries;
  }

  /**
   * Messages accepted and refused by the flood limits, and the most accepted in any 1000 ms (all
   * chats). Kept with or without `limits`; `reset()` zeroes them.
   */
  get limitStats(): FakeLimitStats {
    return this.floodGate.stats;
  }

  get apiRoot(): string {
    if (this.root === undefined) throw new Error('the fake Bot API is not started');
    return this.root;
  }

  /** Updates waiting for getUpdates, not yet confirmed by an offset. */
  get pendingUpdates(): readonly TgUpdate[] {
    return this.queue.list();
  }

  async start(): Promise<{ apiRoot: string }> {
    if (this.server) return { apiRoot: this.apiRoot };
    const server = createServer((req, res) => this.http.handle(req, res));
    // Node's client agent drops idle sockets after 5 s; the server must wait longer, or a socket
    // it closes can be reused by telegraf at that instant (ECONNRESET, then a 5 s polling back-off).
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the fake Bot API has no TCP address');
    this.server = server;
    this.root = `http://127.0.0.1:${address.port}`;
    return { apiRoot: this.root };
  }

  /**
   * Answers a pending long poll with [], cancels webhook deliveries and closes every socket.
   * Stop a polling bot first: telegraf takes a refused connection as a network error and sleeps
   * 5 s before its next (failing) poll.
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.queue.end(ok([]));
    this.webhookSender.cancelAll();
    this.log.rejectAll(new Error('the fake Bot API was stopped'));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Let the answers just written reach their sockets, then cut them all, idle keep-alive too.
    await this.http.drain(200);
    server.closeAllConnections();
    await closed;
    this.root = undefined;
  }

  callsOf(method: string): FakeCall[] {
    return this.log.of(method);
  }

  /** The first call matching, recorded from now on (or from index `after`); rejects on timeout with the recent calls. */
  waitForCall(matcher: CallMatcher, options?: WaitOptions): Promise<FakeCall> {
    return this.log.waitFor(matcher, options);
  }

  /** The bot's messages in this chat, oldest first, with edits applied and deletions removed. */
  messagesTo(chatId: number): TgMessage[] {
    return this.store.sentTo(chatId);
  }

  /** The next `times` calls of `method` ('*': any method except getUpdates), to `chatId` if given, get `fault`. */
  failNext(method: string, fault: Fault, times = 1, chatId?: number): void {
    this.faults.add(method, fault, times, chatId);
  }

  /** Clears calls, messages, faults, flood-limit windows and stats, webhook delivery records; ids keep counting up. */
  reset(): void {
    this.log.clear();
    this.floodGate.reset();
    this.store.clearMessages();
    this.faults.clear();
    this.webhookSender.deliveries.length = 0;
  }

  /** Pushes now go to `url` (POST, JSON) instead of the getUpdates queue, as after setWebhook. */
  useWebhook(url: string, secretToken?: string): void {
    this.switchDelivery({ url, secretToken }, false);
  }

  /** Back to the getUpdates queue, as after deleteWebhook. */
  usePolling(): void {
    this.switchDelivery(undefined, false);
  }

  pushText(options: PushTextOptions): TgUpdate {
    return this.pushUpdate({ message: textMessage(this.store, options) });
  }

  /** A press on an inline button of the bot's message `messageId`; returns the callback query id. */
  pushCallback(options: PushCallbackOptions): string {
    const query = callbackQuery(this.store, this.botUser, options);
    this.pushUpdate({ callback_query: query });
    return query.id;
  }

  pushDocument(options: PushDocumentOptions): TgUpdate {
    return this.pushUpdate({ message: documentMessage(this.store, options) });
  }

  pushPhoto(options: PushPhotoOptions): TgUpdate {
    return this.pushUpdate({ message: photoMessage(this.store, options) });
  }

  /**
   * The group `oldChatId` is upgraded to the supergroup `newChatId`: from now on (resets included,
   * as it is a fact about the chat) every call aimed at the old id but getChat is answered 400
   * `group chat was upgraded to a supergroup chat` with `migrate_to_chat_id`, as Telegram does;
   * then the service messages are pushed. Returns their updates.
   */
  upgradeToSupergroup(options: PushMigrationOptions): TgUpdate[] {
    this.migrated.set(options.oldChatId, options.newChatId);
    return (options.messages ?? ['to', 'from']).map((which) => this.pushUpdate({ message: migrationMessage(this.store, options, which) }));
  }

  /**
   * Any update; `update_id` is assigned unless given (give one to repeat an update). In polling
   * mode an update below the offset the bot already confirmed is dropped at its next poll, as
   * Telegram would; one pushed while the bot is waiting in a long poll reaches it.
   */
  pushUpdate(raw: Omit<TgUpdate, 'update_id'> & { update_id?: number }): TgUpdate {
    const update: TgUpdate = { ...raw, update_id: raw.update_id ?? this.lastUpdateId + 1 };
    this.lastUpdateId = Math.max(this.lastUpdateId, update.update_id);
    this.emit('update', update);
    if (this.webhook) this.webhookSender.send(update, this.webhook);
    else this.queue.push(update);
    return update;
  }

  /** The webhook delivery of this update once it succeeded or gave up. */
  waitForDelivery(updateId: number, { timeoutMs = 5000 }: { timeoutMs?: number } = {}): Promise<WebhookDelivery> {
    return this.webhookSender.waitFor(updateId, timeoutMs);
  }

  private refuse(method: string, params: Params, response: ApiResponse): ApiResponse {
    const call = this.log.record(method, params, 'http');
    call.response = response;
    this.settle(call);
    return response;
  }

  private async execute(method: string, params: Params, via: FakeCall['via'], onPoll?: (cancel: () => void) => void): Promise<ApiResponse> {
    const call = this.log.record(method, params, via);
    const target = params['chat_id'] === undefined ? undefined : Number(params['chat_id']);
    const movedTo = target === undefined || method === 'getChat' ? undefined : this.migrated.get(target);
    const fault = this.faults.take(method, target) ?? (movedTo === undefined ? undefined : { kind: 'migrate' as const, newChatId: movedTo });
    if (fault) {
      call.fault = fault;
      const chatId = typeof params['chat_id'] === 'number' ? params['chat_id'] : undefined;
      call.response = faultError(fault, chatId === undefined ? undefined : this.store.chatType(chatId)).toResponse();
    } else if (method === 'getUpdates') {
      if (this.webhook) {
        call.response = { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" };
      } else {
        const poll = this.queue.poll(params);
        onPoll?.(poll.cancel);
        this.settle(call); // a test waits for the poll to be parked, e.g. before bot.stop()
        const response = await poll.response;
        call.response = structuredClone(response);
        return response;
      }
    } else {
      // Checked before the method runs, booked only once it has sent: a refused message does not count.
      const limitedChat = LIMITED_METHODS.has(method) ? limitedChatOf(params) : undefined;
      const wait = limitedChat === undefined ? 0 : this.floodGate.wait(limitedChat);
      if (wait > 0) {
        // Recorded as a planned 429 would be; `limitStats.rejected429` tells the two apart.
        call.fault = { kind: '429', retryAfter: this.floodGate.reject(wait) };
        call.response = faultError(call.fault, undefined).toResponse();
      } else {
        try {
          // A clone: later edits must not rewrite what this call answered.
          call.response = ok(structuredClone(this.handlers[method]!(params)));
          if (limitedChat !== undefined) this.floodGate.book(limitedChat);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          call.response = error.toResponse();
        }
      }
    }
    this.settle(call);
    return call.response;
  }

  private settle(call: FakeCall): void {
    this.log.settle(call);
    this.emit('call', call);
  }

  private switchDelivery(webhook: Webhook | undefined, dropPending: boolean): void {
    if (dropPending) this.queue.take();
    this.webhook = webhook;
    if (!webhook) return;
    this.queue.end({ ok: false, error_code: 409, description: 'Conflict: terminated by setWebhook request' });
    // Updates nobody fetched yet go to the new webhook, as Telegram sends them.
    for (const update of this.queue.take()) this.webhookSender.send(update, webhook);
  }

  private webhookInfo(): Record<string, unknown> {
    const lastError = this.webhookSender.lastError;
    return {
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.size + this.webhookSender.inFlight,
      ...(this.webhook ? { max_connections: 40 } : {}),
      ...(lastError ? { last_error_date: lastError.date, last_error_message: lastError.message } : {}),
    };
  }

  /**
   * telegraf answers some calls made while handling a webhook update (answerCallbackQuery,
   * sendChatAction, deleteMessage, ...) in the webhook response body instead of an HTTP request,
   * and Telegram executes them: so does the fake, recording them with `via: 'webhook-reply'`.
   */
  private onWebhookAnswer(answer: WebhookAnswer): void {
    const reply = replyCallOf(answer);
    const method = reply && this.methodNames.get(reply.method.toLowerCase());
    if (!reply || method === undefined || method === 'getUpdates') return;
    void this.execute(method, reply.params, 'webhook-reply');
  }
}

export function createFakeBotApi(options?: FakeBotApiOptions): FakeBotApi {
  return new FakeBotApi(options);
}
