// One log line per handled update, for operators: which update, what was asked (the command or
// the button's prefix, never the text typed: a bot in a group sees private chatter), for which
// workspace, how long it took and whether it failed. Info level: one line per person's action is
// the volume an operator wants to search when someone says "the bot did not answer me".
import type { MiddlewareFn } from 'telegraf';
import type { Logger } from '../log.ts';
import type { BotContext } from './context.ts';

export function commandOf(ctx: BotContext): string | null {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  return /^\/([A-Za-z0-9_]+)/.exec(text)?.[1]?.toLowerCase() ?? null;
}

/** `ck:12:mulai` → `ck`: the feature a button belongs to, without its ids. */
function buttonOf(ctx: BotContext): string | null {
  const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : null;
  return data === null ? null : data.split(':')[0]!.slice(0, 20);
}

export function logUpdates(logger: Logger, now: () => number = () => performance.now()): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = now();
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      logger.info({
        update_id: ctx.update.update_id,
        type: ctx.updateType,
        command: commandOf(ctx),
        button: buttonOf(ctx),
        workspace: ctx.access?.workspace?.slug ?? null,
        chat: ctx.chat?.id ?? null,
        duration_ms: Math.round((now() - started) * 10) / 10,
        ...(failed ? { failed: true } : {}),
      }, 'update handled');
    }
  };
}
