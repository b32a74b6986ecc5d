// /anggota: an admin manages members without the CLI. A list (paged), one member's view with a
// button per role, the OPD chooser of a PIC, and removal after a confirmation. Every press is
// checked again on the server (role, workspace, the member's current state); the person changed
// is told privately.
import type { InlineKeyboardButton } from 'telegraf/types';
import { Composer, Markup } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import type { WorkspaceMember } from '../../db/member-roles.ts';
import { changeMemberRole, findWorkspaceMember } from '../../db/member-roles.ts';
import { listOpds } from '../../db/opds.ts';
import { removeMember } from '../../db/people.ts';
import { listMembers } from '../../db/workspaces.ts';
import { formatDateId, toLocalDate } from '../../domain/dates.ts';
import type { Role } from '../../domain/roles.ts';
import { parseRole, ROLES } from '../../domain/roles.ts';
import { displayName } from '../access.ts';
import type { BotContext } from '../context.ts';
import type { WorkspaceAccess } from '../guard.ts';
import { guarded, requireAccess } from '../guard.ts';
import { findCommand } from '../registry.ts';
import { editReply, reply } from '../reply.ts';
import { texts } from '../texts.ts';
import { memberAdminTexts as t } from '../texts-members.ts';
import { notifyPerson } from './checklist-views.ts';

const MEMBERS_PER_PAGE = 10;
// Two columns of 10 rows: a regency's 30–60 OPDs in a few pages, well under Telegram's 100 buttons.
const OPDS_PER_PAGE = 20;

const cb = Markup.button.callback;
const pageCount = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
const clampPage = (page: number, pages: number) => Math.min(Math.max(page, 0), pages - 1);

function pager(page: number, pages: number, data: (page: number) => string): InlineKeyboardButton[] {
  return [
    ...(page > 0 ? [cb(t.previous, data(page - 1))] : []),
    ...(page < pages - 1 ? [cb(t.next, data(page + 1))] : []),
  ];
}

interface MemberRolesView { roles: { role: string }[]; opds: { opd: { name: string } }[] }
const rolesOf = (m: MemberRolesView) => ROLES.filter((r) => m.roles.some((x) => x.role === r));
const opdNamesOf = (m: MemberRolesView) => m.opds.map((o) => o.opd.name);

async function listView(ctx: BotContext, access: WorkspaceAccess, requested: number) {
  const members = await listMembers(ctx.deps.db, access.workspace.id);
  const pages = pageCount(members.length, MEMBERS_PER_PAGE);
  const page = clampPage(requested, pages);
  const shown = members.slice(page * MEMBERS_PER_PAGE, (page + 1) * MEMBERS_PER_PAGE);
  const lines = shown.map((m, i) => t.listLine(page * MEMBERS_PER_PAGE + i + 1, m.person.displayName, m.person.username, rolesOf(m), opdNamesOf(m)));
  const html = [t.listTitle(access.workspace.name, members.length, page + 1, pages), '', ...lines, '', t.listHint].join('\n');
  const buttons = shown.map((m) => cb(m.person.displayName.slice(0, 40), `am:m:${m.id}`));
  const nav = pager(page, pages, (p) => `am:l:${p}`);
  return { html, keyboard: Markup.inlineKeyboard([...chunk(buttons, 2), ...(nav.length ? [nav] : [])]) };
}

function memberView(member: WorkspaceMember, timeZone: string) {
  const roles = rolesOf(member);
  const html = [
    t.memberTitle(member.person.displayName, member.person.username, String(member.person.telegramId)),
    t.memberRoles(roles, opdNamesOf(member)),
    t.memberJoined(formatDateId(toLocalDate(member.joinedAt, timeZone))),
    '',
    t.memberHint,
  ].join('\n');
  const roleButtons = ROLES.map((r) => {
    const on = roles.includes(r);
    // Granting PIC first asks for the OPD; the chooser's button makes the change.
    return cb(t.roleButton(on, r), r === 'pic' && !on ? `am:o:${member.id}:0` : `am:r:${member.id}:${r}:${on ? 0 : 1}`);
  });
  const keyboard = Markup.inlineKeyboard([
    ...chunk(roleButtons, 2),
    ...(roles.includes('pic') ? [[cb(t.moveButton, `am:o:${member.id}:0`)]] : []),
    [cb(t.removeButton, `am:x:${member.id}`)],
    [cb(t.backToList, 'am:l:0')],
  ]);
  return { html, keyboard };
}

async function opdView(ctx: BotContext, access: WorkspaceAccess, member: WorkspaceMember, requested: number) {
  const opds = await listOpds(ctx.deps.db, access.workspace.id);
  const back = [cb(t.backToMember, `am:m:${member.id}`)];
  if (opds.length === 0) return { html: t.noOpds, keyboard: Markup.inlineKeyboard([back]) };
  const pages = pageCount(opds.length, OPDS_PER_PAGE);
  const page = clampPage(requested, pages);
  const current = new Set(member.opds.map((o) => o.opdId));
  const buttons = opds.slice(page * OPDS_PER_PAGE, (page + 1) * OPDS_PER_PAGE)
    .map((o) => cb(`${current.has(o.id) ? '✅ ' : ''}${o.name}`.slice(0, 60), `am:p:${member.id}:${o.id}`));
  const nav = pager(page, pages, (p) => `am:o:${member.id}:${p}`);
  return { html: t.chooseOpd(member.person.displayName), keyboard: Markup.inlineKeyboard([...chunk(buttons, 2), ...(nav.length ? [nav] : []), back]) };
}

function chunk<T>(list: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < list.length; i += size) rows.push(list.slice(i, i + size));
  return rows;
}

/** What a press asks for; null for anything malformed. */
export type MemberPress =
  | { kind: 'list'; page: number }
  | { kind: 'member'; memberId: number }
  | { kind: 'role'; memberId: number; role: Role; on: boolean }
  | { kind: 'opds'; memberId: number; page: number }
  | { kind: 'pic'; memberId: number; opdId: number }
  | { kind: 'confirm-remove'; memberId: number }
  | { kind: 'remove'; memberId: number };

export function parsePress(data: string): MemberPress | null {
  const [prefix, kind, a, b, c, ...rest] = data.split(':');
  if (prefix !== 'am' || rest.length > 0) return null;
  const n = (s: string | undefined) => (s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : null);
  const id = n(a);
  if (kind === 'l' && id !== null && b === undefined) return { kind: 'list', page: id };
  if (id === null) return null;
  if (kind === 'm' && b === undefined) return { kind: 'member', memberId: id };
  if (kind === 'x' && b === undefined) return { kind: 'confirm-remove', memberId: id };
  if (kind === 'xy' && b === undefined) return { kind: 'remove', memberId: id };
  if (kind === 'o' && n(b) !== null && c === undefined) return { kind: 'opds', memberId: id, page: n(b)! };
  if (kind === 'p' && n(b) !== null && c === undefined) return { kind: 'pic', memberId: id, opdId: n(b)! };
  const role = b === undefined ? null : parseRole(b);
  if (kind === 'r' && role && (c === '0' || c === '1')) return { kind: 'role', memberId: id, role, on: c === '1' };
  return null;
}

export function membersFeature() {
  const composer = new Composer<BotContext>();
  const spec = findCommand('anggota');
  if (!spec) throw new Error('command /anggota is not in the registry');

  composer.command('anggota', guarded('anggota', async (ctx, access) => {
    if (ctx.chat.type !== 'private') return void (await reply(ctx, t.onlyPrivate));
    const view = await listView(ctx, access, 0);
    await reply(ctx, view.html, view.keyboard);
  }));

  composer.action(/^am:/, async (ctx) => {
    // Checked again on every press: the role may have gone since, or the button was forged.
    const access = await requireAccess(ctx, spec);
    if (!access) return;
    const press = parsePress('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
    if (!press || ctx.chat?.type !== 'private') return void (await ctx.answerCbQuery(texts.staleButton, { show_alert: true }));
    if (press.kind === 'list') {
      await ctx.answerCbQuery();
      const view = await listView(ctx, access, press.page);
      return editReply(ctx, view.html, view.keyboard);
    }
    // The member is looked up in the presser's own workspace: an id from elsewhere finds nothing.
    const member = await findWorkspaceMember(ctx.deps.db, access.workspace.id, press.memberId);
    if (!member) return void (await ctx.answerCbQuery(t.goneMember, { show_alert: true }));
    switch (press.kind) {
      case 'member': {
        await ctx.answerCbQuery();
        const view = memberView(member, access.workspace.timeZone);
        return editReply(ctx, view.html, view.keyboard);
      }
      case 'opds': {
        await ctx.answerCbQuery();
        const view = await opdView(ctx, access, member, press.page);
        return editReply(ctx, view.html, view.keyboard);
      }
      case 'confirm-remove': {
        await ctx.answerCbQuery();
        return editReply(ctx, t.confirmRemove(member.person.displayName, access.workspace.name), Markup.inlineKeyboard([
          [cb(t.confirmRemoveYes, `am:xy:${member.id}`), cb(t.backToMember, `am:m:${member.id}`)],
        ]));
      }
      case 'remove':
        return removeFromButton(ctx, access, member);
      case 'role':
      case 'pic':
        return changeFromButton(ctx, access, member, press);
    }
  });

  return composer;
}

async function changeFromButton(ctx: BotContext, access: WorkspaceAccess, member: WorkspaceMember,
  press: Extract<MemberPress, { kind: 'role' | 'pic' }>) {
  const change = press.kind === 'pic'
    ? { role: 'pic' as const, on: true, opdId: press.opdId }
    : { role: press.role, on: press.on };
  const outcome = await changeMemberRole(ctx.deps.db, { workspaceId: access.workspace.id, memberId: member.id, ...change },
    botActor(access.personId), ctx.deps.clock.now());
  if (outcome.kind !== 'changed') {
    // unknown-opd: an OPD id no button of this workspace carries, so a forged or stale press.
    const alert = { 'last-admin': t.lastAdmin, 'only-role': t.onlyRole, 'not-member': t.goneMember, 'unknown-opd': texts.staleButton }[outcome.kind as string] ?? t.unchanged;
    return void (await ctx.answerCbQuery(alert, { show_alert: true }));
  }
  await ctx.answerCbQuery(t.changedNotice);
  const view = memberView(outcome.after, access.workspace.timeZone);
  await editReply(ctx, view.html, view.keyboard);
  if (outcome.after.personId === access.personId) return;
  const admin = displayName(ctx.from!);
  const ws = access.workspace.name;
  const opdName = outcome.after.opds[0]?.opd.name ?? null;
  const notice = outcome.action === 'revoke' ? t.toldRevoked(admin, change.role, ws)
    : outcome.action === 'move' ? t.toldMoved(admin, opdName ?? '', ws)
      : t.toldGranted(admin, change.role, change.role === 'pic' ? opdName : null, ws);
  await tell(ctx, outcome.after.person, notice);
}

async function removeFromButton(ctx: BotContext, access: WorkspaceAccess, member: WorkspaceMember) {
  const outcome = await removeMember(ctx.deps.db, access.workspace.id, member.personId, botActor(access.personId), ctx.deps.clock.now());
  if (outcome.kind !== 'removed') {
    return void (await ctx.answerCbQuery(outcome.kind === 'last-admin' ? t.lastAdmin : t.goneMember, { show_alert: true }));
  }
  await ctx.answerCbQuery();
  await editReply(ctx, t.removed(outcome.person.displayName, outcome.workspaceName, outcome.unassignedItemIds.length),
    Markup.inlineKeyboard([[cb(t.backToList, 'am:l:0')]]));
  if (member.personId === access.personId) return;
  await tell(ctx, outcome.person, t.toldRemoved(displayName(ctx.from!), outcome.workspaceName));
}

/** Privately, when they have a chat with the bot that is not known to be blocked. */
async function tell(ctx: BotContext, person: { telegramId: bigint; displayName: string; privateChatAt: Date | null; unreachableAt: Date | null }, html: string) {
  if (person.unreachableAt) return;
  await notifyPerson(ctx, person, html);
}
