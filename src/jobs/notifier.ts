// What the jobs need from Telegram: put one reminder into one chat. The bot layer implements it
// (texts, buttons, and the one sender with its limiter and retries); tests may pass their own.
import type { ReminderMessage } from '../domain/reminder-messages.ts';

export type SendOutcome =
  | { ok: true }
  /** retryable: worth another try later (429 beyond patience, 5xx or network after the sender's retries) */
  | { ok: false; retryable: boolean; error: string; retryAfterSeconds?: number };

export interface ReminderNotifier {
  send(chatId: bigint, message: ReminderMessage): Promise<SendOutcome>;
  /** the bot's @username for "open a private chat" links, when known */
  botUsername(): string | null;
}
