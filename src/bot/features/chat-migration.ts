// A group upgraded to a supergroup gets a new id. Telegram says so up to three ways, in any order,
// or only some of them: a service message in the old group (migrate_to_chat_id), one in the new
// supergroup (migrate_from_chat_id), and a 400 migrate_to_chat_id to a send (src/bot/sender.ts).
// Each one calls moveChatId, which moves the link and its reminders once; the rest find nothing.
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { moveChatId } from '../../db/chats.ts';
import type { BotContext } from '../context.ts';

/** Group ids are negative; a forged or odd pair is ignored rather than moving a link to it. */
const isGroupPair = (from: number, to: number) => Number.isSafeInteger(from) && Number.isSafeInteger(to) && from < 0 && to < 0 && from !== to;

async function follow(ctx: BotContext, from: number, to: number, title: string | undefined): Promise<void> {
  if (!isGroupPair(from, to)) return;
  const outcome = await moveChatId(ctx.deps.db, BigInt(from), BigInt(to), ctx.deps.clock.now(), title);
  if (outcome.kind !== 'none') ctx.deps.logger.info({ from, to, outcome: outcome.kind, updateId: ctx.update.update_id }, 'chat migrated to a supergroup');
}

export function chatMigrationFeature() {
  const composer = new Composer<BotContext>();

  composer.on(message('migrate_to_chat_id'), (ctx) => follow(ctx, ctx.chat.id, ctx.message.migrate_to_chat_id, undefined));

  composer.on(message('migrate_from_chat_id'), (ctx) =>
    follow(ctx, ctx.message.migrate_from_chat_id, ctx.chat.id, 'title' in ctx.chat ? ctx.chat.title : undefined));

  return composer;
}
