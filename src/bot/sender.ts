// The retry policy every outgoing call goes through (telegraf 4.16 retries nothing itself):
// 429 waits `retry_after` and tries again; 5xx and network errors back off, boundedly. It is
// installed on each Telegram instance telegraf makes (one per update) and on bot.telegram,
// so replies and proactive sends share it. The limiter of the reminders issue joins here.
import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Logger } from '../log.ts';
import type { Limiter } from './limiter.ts';

export interface RetryPolicy {
  /** attempts in all, the first included */
  maxAttempts: number;
  /** backoff of the n-th retry after a 5xx or network error: base · 2^(n-1) */
  backoffBaseMs: number;
  /** a 429 asking for longer than this is given up (the caller logs it) */
  maxRetryAfterSeconds: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  backoffBaseMs: 500,
  maxRetryAfterSeconds: 60,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Long polls have their own loop in telegraf; everything else is retried here. */
const NOT_RETRIED = new Set(['getUpdates']);

function isTransient(error: unknown): boolean {
  if (error instanceof TelegramError) return error.code >= 500;
  const code = (error as { code?: string }).code;
  return ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET'].includes(code ?? '') ||
    (error as { type?: string }).type === 'system';
}

/** Delay before the next attempt, or null when this error must not be retried. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number | null {
  if (attempt >= policy.maxAttempts) return null;
  if (error instanceof TelegramError && error.code === 429) {
    const after = error.parameters?.retry_after ?? 1;
    return after <= policy.maxRetryAfterSeconds ? after * 1000 : null;
  }
  if (isTransient(error)) return policy.backoffBaseMs * 2 ** (attempt - 1);
  return null;
}

/** What the sender tells the rest of the bot about a chat, so the stored state follows Telegram. */
export interface SenderHooks {
  /** 400 migrate_to_chat_id: the group is now a supergroup with this id */
  onMigrate(fromChatId: number, toChatId: number): Promise<void>;
  /** 403: kicked from the group, or blocked by the person */
  onUnreachable(chatId: number, description: string): Promise<void>;
  /** every call but long polls, one line per attempt: chat, method, result, retry_after */
  logger?: Logger;
}

const INSTALLED = Symbol('spbe-bot.sender');

function chatIdOf(payload: unknown): number | null {
  const id = (payload as { chat_id?: unknown } | null)?.chat_id;
  return typeof id === 'number' || (typeof id === 'string' && /^-?\d+$/.test(id)) ? Number(id) : null;
}

/** Calls that put a message into a chat, and so count against Telegram's limits. */
const LIMITED = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendMediaGroup', 'copyMessage', 'forwardMessage']);

export function installSender(telegram: Telegram, policy: RetryPolicy = DEFAULT_RETRY, hooks?: SenderHooks, limiter?: Limiter): Telegram {
  const target = telegram as Telegram & { [INSTALLED]?: boolean };
  if (target[INSTALLED]) return telegram;
  const callApi = telegram.callApi.bind(telegram);
  target.callApi = (async (method: string, payload: unknown, extra?: unknown) => {
    let migrated = false;
    for (let attempt = 1; ; attempt++) {
      const target = chatIdOf(payload);
      const limited = limiter !== undefined && target !== null && LIMITED.has(method);
      const ticket = limited ? await limiter.acquire(target) : undefined;
      // The call has ended, so Telegram has counted it by now: its slot runs from here.
      const settle = async () => { if (limited) await limiter.settle(target, ticket); };
      const logged = hooks?.logger && !NOT_RETRIED.has(method) ? { chat: target, method, attempt, started: performance.now() } : null;
      try {
        const answer = await (callApi as (m: string, p: unknown, e?: unknown) => Promise<unknown>)(method, payload, extra);
        await settle();
        if (logged) logCall(hooks!.logger!, logged, null);
        return answer;
      } catch (error) {
        await settle();
        if (logged) logCall(hooks!.logger!, logged, error);
        const chatId = chatIdOf(payload);
        if (error instanceof TelegramError && chatId !== null && hooks) {
          const newId = error.parameters?.migrate_to_chat_id;
          // Moved once, then retried at the new id (a second move in one call would be a loop).
          if (error.code === 400 && newId !== undefined && !migrated) {
            migrated = true;
            await hooks.onMigrate(chatId, newId);
            payload = { ...(payload as object), chat_id: newId };
            continue;
          }
          if (error.code === 403) await hooks.onUnreachable(chatId, error.description);
        }
        const delay = NOT_RETRIED.has(method) ? null : retryDelayMs(error, attempt, policy);
        if (delay === null) throw error;
        // A 429 slows the whole sender, not only this call: the limiter holds every chat back.
        if (limiter && error instanceof TelegramError && error.code === 429) limiter.pause(delay / 1000);
        else await policy.sleep(delay);
      }
    }
  }) as Telegram['callApi'];
  target[INSTALLED] = true;
  return telegram;
}

function logCall(logger: Logger, call: { chat: number | null; method: string; attempt: number; started: number }, error: unknown) {
  const { started, ...fields } = call;
  const duration_ms = Math.round((performance.now() - started) * 10) / 10;
  if (error === null) return logger.info({ ...fields, result: 'ok', duration_ms }, 'telegram call');
  const telegram = error instanceof TelegramError ? error : null;
  logger.warn({
    ...fields, duration_ms,
    result: telegram ? telegram.code : ((error as { code?: string }).code ?? 'network'),
    description: telegram?.description ?? (error as Error).message,
    retry_after: telegram?.parameters?.retry_after ?? null,
  }, 'telegram call failed');
}
