// The jobs' way into Telegram: a reminder rendered and sent through bot.telegram, which carries
// the one sender (limiter, 429/5xx retries, 403 and migration hooks). What the sender could not
// deliver comes back as an outcome the delivery tick records.
import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { ReminderMessage } from '../domain/reminder-messages.ts';
import type { ReminderNotifier, SendOutcome } from '../jobs/notifier.ts';
import { renderReminder } from './reminder-messages.ts';

export function createNotifier(telegram: Telegram, botUsername: () => string | null): ReminderNotifier {
  return {
    botUsername,
    async send(chatId: bigint, message: ReminderMessage): Promise<SendOutcome> {
      const { html, keyboard } = renderReminder(message);
      try {
        await telegram.sendMessage(Number(chatId), html, {
          parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}),
        });
        return { ok: true };
      } catch (error) {
        if (error instanceof TelegramError) {
          const retryAfter = error.parameters?.retry_after;
          const retryable = error.code === 429 || error.code >= 500;
          return { ok: false, retryable, error: `${error.code}: ${error.description}`, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) };
        }
        // A network failure the sender's bounded retries could not get past.
        return { ok: false, retryable: true, error: (error as Error).message };
      }
    },
  };
}
