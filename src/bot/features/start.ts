// /start: the welcome, and joining a workspace with an invite code.
import { Composer, Markup } from 'telegraf';
import type { InviteUseNotice } from '../../db/invites.ts';
import { redeemInvite } from '../../db/invites.ts';
import { markPrivateChatOpen } from '../../db/people.ts';
import { displayName, membershipsOf, resolveAccess } from '../access.ts';
import type { BotContext } from '../context.ts';
import { requireAccess } from '../guard.ts';
import { sendDashboardButton } from './dashboard.ts';
import { reply } from '../reply.ts';
import { memberTexts as mt } from '../texts-members.ts';
import { texts, workspaceTexts } from '../texts.ts';

const INVITE_CODE = /^[A-Za-z0-9_-]{6,64}$/;

export function startFeature() {
  const composer = new Composer<BotContext>();
  composer.start(async (ctx) => {
    const { db, clock } = ctx.deps;
    const access = await resolveAccess(ctx);
    const code = ctx.payload.trim();
    if (ctx.chat.type === 'private') await markPrivateChatOpen(db, access.personId, clock.now());
    // The group's "📊 Buka dasbor" button lands here: the private chat, where web_app buttons work.
    if (code === 'dasbor') {
      const member = await requireAccess(ctx, { name: 'dasbor', audience: 'member' });
      if (member) await sendDashboardButton(ctx, member);
      return;
    }
    if (code) {
      if (ctx.chat.type !== 'private') return void (await reply(ctx, texts.joinInPrivate));
      if (!INVITE_CODE.test(code)) return void (await reply(ctx, texts.inviteProblem.unknown!));
      const outcome = await redeemInvite(db, code, access.personId, clock.now());
      if (outcome.kind === 'removed') return void (await reply(ctx, mt.removedRefused(outcome.workspaceName)));
      if (outcome.kind !== 'joined') return void (await reply(ctx, texts.inviteProblem[outcome.kind]!));
      await reply(ctx, texts.joined(outcome.workspaceName, outcome.role, outcome.opdName));
      if (outcome.notice) await tellInviter(ctx, outcome.notice, outcome);
      return;
    }
    const memberships = await membershipsOf(ctx);
    const name = displayName(ctx.from);
    await reply(ctx, memberships.length === 0 ? texts.welcome(name) : texts.welcomeMember(name, memberships.map((m) => m.workspaceName)));
  });
  return composer;
}

/** The inviter hears privately who used their link, with a button to revoke it if uses remain. */
async function tellInviter(ctx: BotContext, notice: InviteUseNotice, joined: { workspaceName: string; role: string; opdName: string | null }) {
  const { inviter, joiner } = notice;
  // /undang answers only in private, so its maker has a chat with the bot, unless they blocked it since.
  if (inviter.unreachableAt) return;
  const html = mt.inviteUsed(joiner.displayName, joiner.username, String(joiner.telegramId), joined.role, joined.opdName,
    joined.workspaceName, notice.uses, notice.maxUses);
  const keyboard = notice.uses < notice.maxUses
    ? Markup.inlineKeyboard([Markup.button.callback(workspaceTexts.inviteRevoke, `inv-x:${notice.inviteId}`)])
    : undefined;
  try {
    await ctx.telegram.sendMessage(Number(inviter.telegramId), html, { parse_mode: 'HTML', ...(keyboard ?? {}) });
  } catch (error) {
    // The join stands; the sender has marked an inviter who blocked the bot as unreachable.
    ctx.deps.logger.warn({ err: error }, 'invite use notice failed');
  }
}
