// The snooze buttons on reminder messages: "⏰ Tunda 1 hari / 3 hari" queue the same reminder
// again for that many days later, on a working morning at the chat's hour. The delivery id in
// the button is only a pointer: the row must belong to the presser's workspace and this chat.
import { Composer } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { loadHolidayCalendar } from '../../db/holidays.ts';
import { loadRecipient } from '../../db/reminder-content.ts';
import { findDelivery, snoozeReminder } from '../../db/reminder-deliveries.ts';
import { addDays, dayNameId, formatDateTimeId, formatIsoDate, toLocalDate } from '../../domain/dates.ts';
import { workingMorning } from '../../domain/reminder-plan.ts';
import type { BotContext } from '../context.ts';
import { requireAccess } from '../guard.ts';
import { texts } from '../texts.ts';

const SNOOZE_SPEC = { name: 'tunda', audience: 'member' } as const;

/** The message's buttons without the snooze row: a reminder is snoozed once from one message. */
function withoutSnooze(markup: InlineKeyboardMarkup | undefined): InlineKeyboardMarkup {
  const rows = (markup?.inline_keyboard ?? [])
    .map((row) => row.filter((b) => !('callback_data' in b && b.callback_data.startsWith('tz:'))))
    .filter((row) => row.length > 0);
  return { inline_keyboard: rows };
}

export function remindersFeature() {
  const composer = new Composer<BotContext>();

  composer.action(/^tz:(\d+):(1|3)$/, async (ctx) => {
    const access = await requireAccess(ctx, SNOOZE_SPEC);
    if (!access) return;
    const row = await findDelivery(ctx.deps.db, Number(ctx.match[1]));
    if (!row || row.workspaceId !== access.workspace.id || row.telegramChatId !== BigInt(ctx.chat?.id ?? 0)) {
      return void (await ctx.answerCbQuery(texts.staleButton, { show_alert: true }));
    }
    const days = Number(ctx.match[2]);
    const tz = access.workspace.timeZone;
    const now = ctx.deps.clock.now();
    const recipient = await loadRecipient(ctx.deps.db, row);
    const target = addDays(toLocalDate(now, tz), days);
    const dueAt = workingMorning(target, loadHolidayCalendar().dates, recipient.settings, tz);
    const outcome = await snoozeReminder(ctx.deps.db, row, dueAt, formatIsoDate(target));
    await ctx.answerCbQuery(`⏰ Diingatkan lagi ${dayNameId(toLocalDate(outcome.dueAt, tz))}, ${formatDateTimeId(outcome.dueAt, tz)}.`);
    const message = ctx.callbackQuery.message;
    const markup = message && 'reply_markup' in message ? message.reply_markup : undefined;
    await ctx.editMessageReplyMarkup(withoutSnooze(markup)).catch((error: unknown) => {
      // an identical keyboard (pressed twice) is no error worth showing
      if (!String((error as Error).message).includes('message is not modified')) throw error;
    });
  });

  return composer;
}
