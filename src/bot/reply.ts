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
