// What a due reminder says, read when it is about to go out: the work as it is now, not as it was
// planned. Returns the message, or why it is skipped: nobody is reminded of what they already
// finished, of a deadline that moved, or in a chat that is gone.
import { AWAITING_ASSIGNEE } from '../domain/checklists.ts';
import type { ItemStatus } from '../domain/checklists.ts';
import type { LocalDate } from '../domain/dates.ts';
import { formatIsoDate } from '../domain/dates.ts';
import type { ReminderItem, ReminderMessage, StatusCounts } from '../domain/reminder-messages.ts';
import type { ReminderSettings } from '../domain/reminder-settings.ts';
import { parseSettings } from '../domain/reminder-settings.ts';
import { STAGE_LABELS, parseStage } from '../domain/stages.ts';
import type { Db } from './client.ts';
import { claimUnreachablePics } from './reach-notices.ts';
import type { ClaimedReminder } from './reminder-deliveries.ts';

/** Items listed in one message; the rest are counted ("dan 7 lainnya"). */
export const LIST_LIMIT = 8;

export interface Recipient {
  settings: ReminderSettings;
  /** why nothing may be sent to this chat now, or null */
  unreachable: string | null;
}

/** The chat's settings, and whether it can be written to at all. */
export async function loadRecipient(db: Db, row: { telegramChatId: bigint; workspaceId: number; kind: string }): Promise<Recipient> {
  if (row.telegramChatId < 0n) {
    const chat = await db.chat.findUnique({ where: { telegramChatId: row.telegramChatId }, select: { workspaceId: true, inactiveAt: true, settings: true } });
    if (!chat || chat.workspaceId !== row.workspaceId) return { settings: parseSettings('{}'), unreachable: 'grup tidak lagi terhubung' };
    const settings = parseSettings(chat.settings);
    if (chat.inactiveAt) return { settings, unreachable: 'bot tidak lagi di grup' };
    return { settings, unreachable: settings.enabled || row.kind === 'unreachable' ? null : 'pengingat grup dimatikan' };
  }
  const [workspace, person] = await Promise.all([
    db.workspace.findUnique({ where: { id: row.workspaceId }, select: { reminderSettings: true } }),
    db.person.findUnique({
      where: { telegramId: row.telegramChatId },
      select: { privateChatAt: true, unreachableAt: true, memberships: { where: { workspaceId: row.workspaceId, removedAt: null }, select: { id: true } } },
    }),
  ]);
  const settings = parseSettings(workspace?.reminderSettings);
  if (!person || person.memberships.length === 0) return { settings, unreachable: 'bukan anggota workspace lagi' };
  if (person.unreachableAt || !person.privateChatAt) return { settings, unreachable: 'chat pribadi tidak dapat dihubungi' };
  return { settings, unreachable: null };
}

const itemSelect = {
  id: true, title: true, status: true, dueDate: true, stage: true, opdId: true, assigneeId: true,
  opd: { select: { name: true } }, indicator: { select: { no: true } }, assignee: { select: { displayName: true } },
} as const;

type ItemRow = {
  id: number; title: string; status: string; dueDate: string | null; stage: string | null; opdId: number; assigneeId: number | null;
  opd: { name: string }; indicator: { no: number } | null; assignee: { displayName: string } | null;
};

function toItem(row: ItemRow, stageDue: Map<string, string>, withAssignee = false): ReminderItem {
  return {
    id: row.id, title: row.title, opdName: row.opd.name, indicatorNo: row.indicator?.no ?? null, status: row.status as ItemStatus,
    dueDate: row.dueDate ?? (row.stage ? stageDue.get(row.stage) ?? null : null),
    ...(withAssignee ? { assigneeName: row.assignee?.displayName ?? null } : {}),
  };
}

async function stageDueDates(db: Db, evaluationId: number): Promise<Map<string, string>> {
  const stages = await db.stage.findMany({ where: { evaluationId, dueDate: { not: null } }, select: { kind: true, dueDate: true } });
  return new Map(stages.map((s) => [s.kind, s.dueDate!]));
}

function countStatuses(rows: { status: string; dueDate: string | null; stage: string | null }[], stageDue: Map<string, string>, today: string): StatusCounts {
  const counts: StatusCounts = { total: 0, selesai: 0, diajukan: 0, proses: 0, revisi: 0, belum: 0, overdue: 0 };
  for (const row of rows) {
    if (row.status === 'dibatalkan') continue;
    counts.total++;
    const status = row.status as Exclude<ItemStatus, 'dibatalkan'>;
    counts[status]++;
    const due = row.dueDate ?? (row.stage ? stageDue.get(row.stage) : undefined);
    if (status !== 'selesai' && due !== undefined && due < today) counts.overdue++;
  }
  return counts;
}

/** A person's items still waiting on them: assigned to them, or unassigned in an OPD they are PIC of. */
async function itemsAwaiting(db: Db, workspaceId: number, evaluationId: number, personId: number, stage?: string) {
  const member = await db.member.findFirst({
    where: { workspaceId, personId, removedAt: null },
    select: { opds: { select: { opdId: true } }, roles: { select: { role: true } } },
  });
  const picOpds = member?.roles.some((r) => r.role === 'pic') ? member.opds.map((o) => o.opdId) : [];
  return db.checklistItem.findMany({
    where: {
      workspaceId, evaluationId, status: { in: [...AWAITING_ASSIGNEE] }, ...(stage ? { stage } : {}),
      OR: [{ assigneeId: personId }, { assigneeId: null, opdId: { in: picOpds } }],
    },
    select: itemSelect,
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
}

export type Content = { message: ReminderMessage } | { skip: string };

export interface ContentContext {
  workspaceName: string;
  timeZone: string;
  today: LocalDate;
  botUsername: string | null;
}

export async function loadReminderContent(db: Db, row: ClaimedReminder, ctx: ContentContext): Promise<Content> {
  const today = formatIsoDate(ctx.today);
  const base = { deliveryId: row.id, workspaceName: ctx.workspaceName, timeZone: ctx.timeZone, today };
  const p = row.payload;
  if (row.kind === 'unreachable') {
    return { message: { ...base, kind: 'unreachable', subjectKind: p.subjectKind ?? 'group', subject: p.subject ?? '?', botUsername: ctx.botUsername } };
  }
  const evaluationId = p.evaluationId ?? (await db.evaluation.findFirst({ where: { workspaceId: row.workspaceId }, orderBy: { year: 'desc' }, select: { id: true } }))?.id;
  if (evaluationId === undefined) return { skip: 'tidak ada evaluasi' };
  const stageDue = await stageDueDates(db, evaluationId);

  switch (row.kind) {
    case 'stage-group':
    case 'stage-pic': {
      const stage = p.stage ? parseStage(p.stage) : null;
      if (!stage || p.dueDate === undefined || stageDue.get(stage) !== p.dueDate) return { skip: 'batas waktu tahap berubah' };
      const stageRow = await db.stage.findFirst({ where: { evaluationId, kind: stage }, select: { dueTime: true } });
      const head = { stageLabel: STAGE_LABELS[stage], dueDate: p.dueDate, dueTime: stageRow?.dueTime ?? null };
      if (row.kind === 'stage-group') {
        const opdId = p.opdId ?? null;
        const rows = await db.checklistItem.findMany({ where: { workspaceId: row.workspaceId, evaluationId, stage, ...(opdId ? { opdId } : {}) }, select: { status: true, dueDate: true, stage: true } });
        const counts = countStatuses(rows, stageDue, today);
        if (counts.total > 0 && counts.selesai === counts.total) return { skip: 'semua butir tahap ini selesai' };
        const opdName = opdId ? (await db.opd.findUnique({ where: { id: opdId }, select: { name: true } }))?.name ?? null : null;
        const unreachable = await claimUnreachablePics(db, row.workspaceId, evaluationId, opdId, today);
        return { message: { ...base, kind: 'stage-group', ...head, opdName, counts, unreachable, botUsername: ctx.botUsername } };
      }
      const items = await itemsAwaiting(db, row.workspaceId, evaluationId, p.personId ?? -1, stage);
      if (items.length === 0) return { skip: 'tidak ada butir terbuka' };
      return { message: { ...base, kind: 'stage-pic', ...head, items: items.slice(0, LIST_LIMIT).map((i) => toItem(i, stageDue)), more: Math.max(0, items.length - LIST_LIMIT) } };
    }
    case 'item-due':
    case 'item-overdue': {
      const item = await db.checklistItem.findFirst({ where: { id: p.itemId ?? -1, workspaceId: row.workspaceId }, select: itemSelect });
      if (!item || !AWAITING_ASSIGNEE.includes(item.status as ItemStatus)) return { skip: 'butir sudah selesai atau diajukan' };
      // Its own date, or its stage's when it has none: either may have moved since the plan.
      if ((item.dueDate ?? (item.stage ? stageDue.get(item.stage) ?? null : null)) !== p.dueDate) return { skip: 'tenggat butir berubah' };
      const stillTheirs = await db.checklistItem.count({
        where: { id: item.id, OR: [{ assigneeId: p.personId ?? -1 }, { assigneeId: null, opd: { members: { some: { member: { personId: p.personId ?? -1, removedAt: null, roles: { some: { role: 'pic' } } } } } } }] },
      });
      if (stillTheirs === 0) return { skip: 'butir dialihkan ke orang lain' };
      return { message: { ...base, kind: row.kind, item: toItem(item, stageDue) } };
    }
    case 'overdue-coord': {
      const items = await db.checklistItem.findMany({
        where: { id: { in: p.itemIds ?? [] }, workspaceId: row.workspaceId, status: { in: [...AWAITING_ASSIGNEE] } },
        select: itemSelect, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
      }).then((rows) => rows
        // overdue by its own date or, without one, by its stage's
        .filter((i) => { const due = i.dueDate ?? (i.stage ? stageDue.get(i.stage) : undefined); return due !== undefined && due < today; })
        .sort((a, b) => (toItem(a, stageDue).dueDate ?? '').localeCompare(toItem(b, stageDue).dueDate ?? '') || a.id - b.id));
      if (items.length === 0) return { skip: 'tidak ada butir terlambat lagi' };
      return { message: { ...base, kind: 'overdue-coord', items: items.slice(0, LIST_LIMIT).map((i) => toItem(i, stageDue, true)), more: Math.max(0, items.length - LIST_LIMIT) } };
    }
    case 'digest-group': {
      const opdId = p.opdId ?? null;
      const rows = await db.checklistItem.findMany({ where: { workspaceId: row.workspaceId, evaluationId, ...(opdId ? { opdId } : {}) }, select: { status: true, dueDate: true, stage: true } });
      const counts = countStatuses(rows, stageDue, today);
      if (counts.total === 0) return { skip: 'belum ada butir ceklis' };
      const next = [...stageDue.entries()].filter(([, due]) => due >= today).sort((a, b) => a[1].localeCompare(b[1]))[0];
      const nextStage = next ? { label: STAGE_LABELS[parseStage(next[0])!], dueDate: next[1] } : null;
      const opdName = opdId ? (await db.opd.findUnique({ where: { id: opdId }, select: { name: true } }))?.name ?? null : null;
      const unreachable = await claimUnreachablePics(db, row.workspaceId, evaluationId, opdId, today);
      return { message: { ...base, kind: 'digest-group', opdName, counts, nextStage, unreachable, botUsername: ctx.botUsername } };
    }
    case 'digest-private': {
      const items = await itemsAwaiting(db, row.workspaceId, evaluationId, p.personId ?? -1);
      if (items.length === 0) return { skip: 'tidak ada yang terbuka' };
      const mapped = items.map((i) => toItem(i, stageDue));
      const overdue = mapped.filter((i) => i.dueDate !== null && i.dueDate < today).length;
      return { message: { ...base, kind: 'digest-private', items: mapped.slice(0, LIST_LIMIT), more: Math.max(0, items.length - LIST_LIMIT), overdue } };
    }
  }
  return { skip: `jenis pengingat tidak dikenal: ${row.kind}` };
}

/** The workspace facts every message of one tick needs. */
export async function loadWorkspaceFacts(db: Db, workspaceIds: number[]) {
  const rows = await db.workspace.findMany({ where: { id: { in: workspaceIds } }, select: { id: true, name: true, timeZone: true } });
  return new Map(rows.map((w) => [w.id, w]));
}

/** For the summary of missed reminders: what each one was about, in a line. */
export async function describeMissed(db: Db, row: ClaimedReminder): Promise<{ what: 'stage' | 'item' | 'digest'; label: string; dueDate: string | null }> {
  const p = row.payload;
  if (row.kind === 'item-due') {
    const item = await db.checklistItem.findUnique({ where: { id: p.itemId ?? -1 }, select: { title: true } });
    return { what: 'item', label: item?.title ?? `butir #${p.itemId}`, dueDate: p.dueDate ?? null };
  }
  const stage = p.stage ? parseStage(p.stage) : null;
  return { what: 'stage', label: stage ? STAGE_LABELS[stage] : (p.stage ?? '?'), dueDate: p.dueDate ?? null };
}
