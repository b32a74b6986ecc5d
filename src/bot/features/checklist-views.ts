// How checklist items look in a chat, and telling an assignee privately (or, when the bot may
// not write to them yet, pointing them to the private chat from the group).
import { Markup } from 'telegraf';
import type { ItemWithDetail } from '../../db/checklists.ts';
import { formatDateId, formatIsoDate, parseIsoDate, toLocalDate } from '../../domain/dates.ts';
import type { ItemAction, ItemStatus } from '../../domain/checklists.ts';
import { ACTION_LABELS, EVIDENCE_KIND_LABELS, isOverdue, STATUS_ICONS, STATUS_LABELS } from '../../domain/checklists.ts';
import { STAGE_LABELS } from '../../domain/stages.ts';
import type { Stage } from '../../domain/stages.ts';
import type { BotContext } from '../context.ts';
import type { Html } from '../html.ts';
import { html, joinHtml } from '../html.ts';
import { checklistTexts as t } from '../texts.ts';

export const dueText = (due: string | null) => {
  const date = due ? parseIsoDate(due) : null;
  return date ? formatDateId(date) : null;
};

/** The due date as lists and the item card show it: marked when the item is open and past it. */
export function dueShown(due: string | null, status: string, today: string): string | null {
  const text = dueText(due);
  return text !== null && isOverdue(status as ItemStatus, due, today) ? `${text} ${t.lateMark}` : text;
}

/** Today in the workspace's zone ('YYYY-MM-DD'), the day deadlines are compared with. */
export function workspaceToday(ctx: BotContext, timeZone: string): string {
  return formatIsoDate(toLocalDate(ctx.deps.clock.now(), timeZone));
}

export function itemDetailText(item: ItemWithDetail, due: string | null, today: string): Html {
  const status = item.status as ItemStatus;
  const lines = [
    t.itemTitle(item.id, item.title),
    t.itemLine('Status', `${STATUS_ICONS[status]} ${STATUS_LABELS[status]}`),
    t.itemLine('OPD', item.opd.name),
  ];
  if (item.indicator) lines.push(t.itemLine('Indikator', `${item.indicator.no}${item.level ? ` (tingkat ${item.level})` : ''}`));
  if (item.stage) lines.push(t.itemLine('Tahap', STAGE_LABELS[item.stage as Stage] ?? item.stage));
  if (due) lines.push(t.itemLine('Tenggat', dueShown(due, item.status, today)!));
  if (item.assignee) lines.push(t.itemLine('Penanggung jawab', item.assignee.displayName));
  if (item.description) lines.push(html``, t.itemDescription(item.description));
  if (item.status === 'revisi' && item.revisionReason) lines.push(html``, t.revision(item.revisionReason));
  lines.push(html``);
  if (item.evidence.length === 0) lines.push(t.noEvidence);
  for (const ev of item.evidence) lines.push(t.evidenceLine(EVIDENCE_KIND_LABELS[ev.kind] ?? ev.kind, ev.fileName ?? ev.url ?? ev.kind, ev.addedBy.displayName));
  return joinHtml(lines);
}

export function itemButtons(itemId: number, actions: ItemAction[], canAttach: boolean) {
  const rows = actions.map((a) => Markup.button.callback(ACTION_LABELS[a], `mv:${itemId}:${a}`));
  if (canAttach) rows.unshift(Markup.button.callback(t.attachButton, `ev:${itemId}`));
  return Markup.inlineKeyboard(rows, { columns: 2 });
}

/** A private message to a person; false when Telegram refuses (never opened, or blocked). */
export async function notifyPerson(ctx: BotContext, person: { telegramId: bigint; displayName: string; privateChatAt: Date | null }, html: string): Promise<boolean> {
  if (person.privateChatAt) {
    try {
      await ctx.telegram.sendMessage(Number(person.telegramId), html, { parse_mode: 'HTML' });
      return true;
    } catch (error) {
      ctx.deps.logger.warn({ err: error }, 'private notice failed');
    }
  }
  if (ctx.chat && ctx.chat.type !== 'private') {
    await ctx.reply(t.openPrivateChat(person.displayName, `https://t.me/${ctx.botInfo.username}`), { parse_mode: 'HTML' });
  }
  return false;
}
