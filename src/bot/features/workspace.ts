// Membership and places: choosing the active workspace, invites (/undang), linking groups.
import { Composer, Markup } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { linkChat } from '../../db/chats.ts';
import { createInvite, revokeInvite } from '../../db/invites.ts';
import { findOpdByCode, listOpds } from '../../db/opds.ts';
import { setActiveWorkspace } from '../../db/people.ts';
import { formatDateTimeId } from '../../domain/dates.ts';
import { INVITE_DAYS } from '../../domain/invites.ts';
import { membershipsOf, resolveAccess } from '../access.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { texts, workspaceTexts as t } from '../texts.ts';

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

  composer.command('undang', guarded('undang', async (ctx, access, spec) => {
    const [roleWord, opdWord] = words(ctx.payload);
    const role = parseWith(arg.role, roleWord ?? '');
    if (!role.ok) return void (await reply(ctx, texts.usage(spec, roleWord ? role.problem : undefined)));
    const opds = await listOpds(ctx.deps.db, access.workspace.id);
    const opd = opdWord ? await findOpdByCode(ctx.deps.db, access.workspace.id, opdWord) : null;
    if (opdWord && !opd) return void (await reply(ctx, t.unknownOpd(opdWord, opds.map((o) => o.code))));
    if (role.value === 'pic' && !opd) return void (await reply(ctx, t.picNeedsOpd(opds.map((o) => o.code))));
    const expiresAt = new Date(ctx.deps.clock.now().getTime() + INVITE_DAYS * 86_400_000);
    const invite = await createInvite(ctx.deps.db, {
      workspaceId: access.workspace.id, role: role.value, opdId: opd?.id ?? null, createdById: access.personId, expiresAt,
    }, botActor(access.personId));
    const link = `https://t.me/${ctx.botInfo.username}?start=${invite.code}`;
    await reply(ctx, t.inviteCreated(link, role.value, opd?.name ?? null, formatDateTimeId(expiresAt, access.workspace.timeZone)),
      Markup.inlineKeyboard([Markup.button.callback(t.inviteRevoke, `inv-x:${invite.id}`)]));
  }));

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

async function linkHere(ctx: BotContext, personId: number, workspaceId: number, workspaceName: string, opdWord: string | undefined) {
  const opd = opdWord ? await findOpdByCode(ctx.deps.db, workspaceId, opdWord) : null;
  if (opdWord && !opd) {
    const opds = await listOpds(ctx.deps.db, workspaceId);
    return void (await reply(ctx, t.unknownOpd(opdWord, opds.map((o) => o.code))));
  }
  const chat = ctx.chat!;
  const outcome = await linkChat(ctx.deps.db, {
    workspaceId, telegramChatId: BigInt(chat.id), title: 'title' in chat ? chat.title : null, type: chat.type, opdId: opd?.id ?? null,
  }, botActor(personId), ctx.deps.clock.now());
  await reply(ctx, outcome.kind === 'taken' ? t.linkTaken(outcome.workspaceName) : t.linked(workspaceName, opd?.name ?? null));
}
