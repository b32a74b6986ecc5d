import { Composer } from 'telegraf';
import { redeemInvite } from '../../db/invites.ts';
import { markPrivateChatOpen } from '../../db/people.ts';
import { membershipsOf, resolveAccess } from '../access.ts';
import type { BotContext } from '../context.ts';
import { reply } from '../reply.ts';
import { texts } from '../texts.ts';
import { displayName } from '../access.ts';

const INVITE_CODE = /^[A-Za-z0-9_-]{6,64}$/;

export function startFeature() {
  const composer = new Composer<BotContext>();
  composer.start(async (ctx) => {
    const { db, clock } = ctx.deps;
    const access = await resolveAccess(ctx);
    const code = ctx.payload.trim();
    if (ctx.chat.type === 'private') await markPrivateChatOpen(db, access.personId, clock.now());
    if (code) {
      if (ctx.chat.type !== 'private') return void (await reply(ctx, texts.joinInPrivate));
      if (!INVITE_CODE.test(code)) return void (await reply(ctx, texts.inviteProblem.unknown!));
      const outcome = await redeemInvite(db, code, access.personId, clock.now());
      if (outcome.kind !== 'joined') return void (await reply(ctx, texts.inviteProblem[outcome.kind]!));
      return void (await reply(ctx, texts.joined(outcome.workspaceName, outcome.role, outcome.opdName)));
    }
    const memberships = await membershipsOf(ctx);
    const name = displayName(ctx.from);
    await reply(ctx, memberships.length === 0 ? texts.welcome(name) : texts.welcomeMember(name, memberships.map((m) => m.workspaceName)));
  });
  return composer;
}
