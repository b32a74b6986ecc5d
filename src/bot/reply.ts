import { TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { BotContext } from './context.ts';
import { splitMessage } from './html.ts';

type Extra = Parameters<BotContext['reply']>[1];

/** Replies in HTML, split under the 4096-character limit; buttons go on the last part. */
export async function reply(ctx: BotContext, html: string, extra: Extra = {}) {
  const parts = splitMessage(html);
  let last;
  for (const [i, part] of parts.entries()) {
    const isLast = i === parts.length - 1;
    last = await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(isLast ? extra : {}),
    });
  }
  return last!;
}

/** Telegram refuses an edit that changes nothing (a second press on a chosen button); that is fine. */
export function isNotModified(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && error.description.includes('message is not modified');
}

/** Replaces the text and buttons of the message whose button was pressed. */
export async function editReply(ctx: BotContext, html: string, extra: { reply_markup?: InlineKeyboardMarkup } = {}) {
  await ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra })
    .catch((error: unknown) => {
      if (!isNotModified(error)) throw error;
    });
}
