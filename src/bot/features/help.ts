import { Composer } from 'telegraf';
import { resolveAccess } from '../access.ts';
import type { BotContext } from '../context.ts';
import { allows, COMMANDS, findCommand } from '../registry.ts';
import { reply } from '../reply.ts';
import { texts } from '../texts.ts';

export function helpFeature() {
  const composer = new Composer<BotContext>();
  composer.command('bantuan', async (ctx) => {
    const access = ctx.from ? await resolveAccess(ctx) : null;
    const isMember = access !== null && access.workspace !== null && access.problem === null;
    const lines = COMMANDS
      .filter((c) => allows(c.audience, isMember ? access.roles : [], isMember))
      .map(texts.helpLine);
    await reply(ctx, texts.help(lines, isMember ? access.workspace!.name : null));
  });
  return composer;
}

/** Last in the chain: a command nobody handled gets a pointer to /bantuan. */
export function unknownCommandFeature() {
  const composer = new Composer<BotContext>();
  composer.on('message', async (ctx, next) => {
    const text = 'text' in ctx.message ? ctx.message.text : '';
    const match = /^\/([A-Za-z0-9_]+)(@\w+)?/.exec(text);
    if (!match) return next();
    // A command addressed to another bot in the group is not ours to answer.
    if (match[2] && match[2].slice(1).toLowerCase() !== ctx.botInfo.username.toLowerCase()) return next();
    if (findCommand(match[1]!.toLowerCase())) return next();
    await reply(ctx, texts.unknownCommand(match[1]!));
  });
  return composer;
}
