// Membership and places: choosing the active workspace, invites (/undang), linking groups.
import { Composer, Markup } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { findChat, findLinkedBasicGroups, linkChat } from '../../db/chats.ts';
import { createInvite, revokeInvite } from '../../db/invites.ts';
import { findOpdByCode, findOpdsByIds, listOpds } from '../../db/opds.ts';
import { setActiveWorkspace } from '../../db/people.ts';
import { formatDateTimeId } from '../../domain/dates.ts';
import { INVITE_DAYS, MAX_INVITE_USES, parseInviteArgs } from '../../domain/invites.ts';
import { membershipsOf, resolveAccess } from '../access.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { texts, workspaceTexts as t } from '../texts.ts';
import { memberTexts as mt } from '../texts-members.ts';

export function workspaceFeature() {
  const composer = new Composer<BotContext>();

  composer.action(/^ws:(\d+)$/, async (ctx) => {
    const chosen = (await membershipsOf(ctx)).find((m) => m.workspaceId === Number(ctx.match[1]));
    if (!chosen) return void (await ctx.answerCbQuery(texts.buttonNoAccess));
    const access = await resolveAccess(ctx);
    await setActiveWorkspace(ctx.deps.db, access.personId, chosen.workspaceId);
    await ctx.answerCbQuery();
    await reply(ctx, texts.workspaceChosen(chosen.workspaceName));
  });

  // A link shown in a group is a link for everyone in it: /undang answers only in private, and
  // in a group says nothing of any link.
  const makeInvite = guarded('undang', async (ctx: BotContext & { payload: string }, access, spec) => {
    const [roleWord, ...rest] = words(ctx.payload);
    const role = parseWith(arg.role, roleWord ?? '');
    if (!role.ok) return void (await reply(ctx, texts.usage(spec, roleWord ? role.problem : undefined)));
    const parsed = parseInviteArgs(role.value, rest);
    if (!parsed.ok) return void (await reply(ctx, texts.usage(spec, inviteArgsProblem(parsed.problem))));
    const { opdWord, maxUses } = parsed;
    const opds = await listOpds(ctx.deps.db, access.workspace.id);
    const opd = opdWord ? await findOpdByCode(ctx.deps.db, access.workspace.id, opdWord) : null;
    if (opdWord && !opd) return void (await reply(ctx, t.unknownOpd(opdWord, opds.map((o) => o.code))));
    if (role.value === 'pic' && !opd) return void (await reply(ctx, t.picNeedsOpd(opds.map((o) => o.code))));
    const expiresAt = new Date(ctx.deps.clock.now().getTime() + INVITE_DAYS * 86_400_000);
    const invite = await createInvite(ctx.deps.db, {
      workspaceId: access.workspace.id, role: role.value, opdId: opd?.id ?? null, createdById: access.personId, expiresAt, maxUses,
    }, botActor(access.personId));
    const link = `https://t.me/${ctx.botInfo.username}?start=${invite.code}`;
    await reply(ctx, `${t.inviteCreated(link, role.value, opd?.name ?? null, formatDateTimeId(expiresAt, access.workspace.timeZone))}\n${mt.inviteUses(maxUses)}`,
      Markup.inlineKeyboard([Markup.button.callback(t.inviteRevoke, `inv-x:${invite.id}`)]));
  });
  composer.command('undang', async (ctx) => {
    if (ctx.chat.type !== 'private') return void (await reply(ctx, mt.inviteOnlyPrivate));
    await makeInvite(ctx);
  });

  composer.action(/^inv-x:(\d+)$/, async (ctx) => {
    const access = await resolveAccess(ctx);
    if (!access.workspace || !access.roles.includes('admin')) return void (await ctx.answerCbQuery(texts.buttonNoAccess));
    // Scoped to the presser's workspace: a forged id of another workspace's invite matches nothing.
    const done = await revokeInvite(ctx.deps.db, access.workspace.id, Number(ctx.match[1]), ctx.deps.clock.now(), botActor(access.personId));
    await ctx.answerCbQuery(done ? t.inviteRevoked : t.inviteAlreadyRevoked);
    if (done) await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
  });

  composer.command('hubungkan', async (ctx) => {
    if (ctx.chat.type === 'private') return void (await reply(ctx, t.linkOnlyInGroup));
    const access = await resolveAccess(ctx);
    const adminOf = (await membershipsOf(ctx)).filter((m) => m.roles.includes('admin'));
    if (adminOf.length === 0) return void (await reply(ctx, texts.noAccess('hubungkan', 'admin')));
    const opdWord = words(ctx.payload)[0];
    if (adminOf.length > 1 && !(access.workspace && adminOf.some((m) => m.workspaceId === access.workspace!.id))) {
      return void (await reply(ctx, t.linkChoose, Markup.inlineKeyboard(
        adminOf.map((m) => [Markup.button.callback(m.workspaceName, `link:${m.workspaceId}`)]))));
    }
    const target = adminOf.find((m) => m.workspaceId === access.workspace?.id) ?? adminOf[0]!;
    await linkHere(ctx, access.personId, target.workspaceId, target.workspaceName, opdWord);
  });

  composer.action(/^link:(\d+)$/, async (ctx) => {
    if (ctx.chat?.type === 'private') return void (await ctx.answerCbQuery(texts.staleButton));
    const target = (await membershipsOf(ctx)).find((m) => m.workspaceId === Number(ctx.match[1]) && m.roles.includes('admin'));
    if (!target) return void (await ctx.answerCbQuery(texts.buttonNoAccess));
    await ctx.answerCbQuery();
    const access = await resolveAccess(ctx);
    await linkHere(ctx, access.personId, target.workspaceId, target.workspaceName, undefined);
  });

  return composer;
}

function inviteArgsProblem(problem: 'extra-words' | 'uses-out-of-range' | 'multi-use-not-pic'): string {
  if (problem === 'uses-out-of-range') return mt.inviteUsesOutOfRange(MAX_INVITE_USES);
  return problem === 'multi-use-not-pic' ? mt.inviteMultiUseNotPic : mt.inviteExtraWords;
}

async function linkHere(ctx: BotContext, personId: number, workspaceId: number, workspaceName: string, opdWord: string | undefined) {
  const opd = opdWord ? await findOpdByCode(ctx.deps.db, workspaceId, opdWord) : null;
  if (opdWord && !opd) {
    const opds = await listOpds(ctx.deps.db, workspaceId);
    return void (await reply(ctx, t.unknownOpd(opdWord, opds.map((o) => o.code))));
  }
  const chat = ctx.chat!;
  const adopted = chat.type === 'supergroup' ? await adoptUpgradedGroup(ctx, workspaceId) : null;
  // Moved with its OPD and settings; an OPD named in the command still applies, below.
  if (adopted && !opdWord) {
    const [adoptedOpd] = adopted.opdId === null ? [] : await findOpdsByIds(ctx.deps.db, workspaceId, [adopted.opdId]);
    return void (await reply(ctx, t.linkMoved(workspaceName, adoptedOpd?.name ?? null)));
  }
  const outcome = await linkChat(ctx.deps.db, {
    workspaceId, telegramChatId: BigInt(chat.id), title: 'title' in chat ? chat.title : null, type: chat.type, opdId: opd?.id ?? null,
  }, botActor(personId), ctx.deps.clock.now());
  await reply(ctx, outcome.kind === 'taken' ? t.linkTaken(outcome.workspaceName) : t.linked(workspaceName, opd?.name ?? null));
}

/** Basic groups probed at most per /hubungkan (a workspace has a handful of groups). */
const MAX_PROBES = 10;

/**
 * A supergroup not linked yet may be a linked basic group of this workspace upgraded while the bot
 * missed Telegram's service messages. Telegram names the new id when something is sent to the old
 * one (400 migrate_to_chat_id), and the sender follows it, moving the link (src/bot/sender.ts); a
 * chat action is the least visible thing to send. Returns the link if it is now this chat's.
 */
async function adoptUpgradedGroup(ctx: BotContext, workspaceId: number) {
  const here = BigInt(ctx.chat!.id);
  if (await findChat(ctx.deps.db, here)) return null;
  for (const group of await findLinkedBasicGroups(ctx.deps.db, workspaceId, MAX_PROBES)) {
    // Any other answer leaves the link as it is (a 403 marks that group inactive, as any send would).
    await ctx.telegram.sendChatAction(Number(group.telegramChatId), 'typing').catch(() => undefined);
    const linked = await findChat(ctx.deps.db, here);
    if (linked) return linked.workspaceId === workspaceId ? linked : null;
  }
  return null;
}
