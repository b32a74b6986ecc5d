// Replanning a workspace's reminders: the pending ReminderDelivery rows are made to match what
// the domain planner says now. Called inside the transaction of every change that moves a
// reminder (a deadline, an item, a chat's settings, a membership), so the change and its
// reminders commit together or not at all.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { AWAITING_ASSIGNEE } from '../domain/checklists.ts';
import { toLocalDate } from '../domain/dates.ts';
import type { PlannedReminder, PlanInput } from '../domain/reminder-plan.ts';
import { planReminders } from '../domain/reminder-plan.ts';
import { parseSettings } from '../domain/reminder-settings.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { insertAll } from './bulk-insert.ts';
import type { Db } from './client.ts';
import { loadHolidayCalendar } from './holidays.ts';

export interface ReplanSummary {
  created: number;
  updated: number;
  removed: number;
}

/** A snoozed reminder repeats one the user asked to see again; no replan removes it. */
export const SNOOZE_MARK = ':tunda@';

/** Everything the planner needs about one workspace, in a handful of queries. */
export async function loadPlanInput(tx: Prisma.TransactionClient, workspaceId: number, now: Date): Promise<PlanInput | null> {
  const workspace = await tx.workspace.findUnique({ where: { id: workspaceId } });
  if (!workspace) return null;
  const evaluation = await tx.evaluation.findFirst({ where: { workspaceId }, orderBy: { year: 'desc' }, select: { id: true } });
  // One after another: a transaction has one connection, and pg refuses overlapping queries on one (pg@9).
  const stages = evaluation
    ? await tx.stage.findMany({ where: { evaluationId: evaluation.id, dueDate: { not: null } }, select: { kind: true, dueDate: true } })
    : [];
  const chats = await tx.chat.findMany({ where: { workspaceId, inactiveAt: null, type: { not: 'private' } }, select: { telegramChatId: true, opdId: true, settings: true } });
  const members = await tx.member.findMany({
    where: { workspaceId, removedAt: null },
    select: {
      person: { select: { id: true, telegramId: true, privateChatAt: true, unreachableAt: true } },
      roles: { select: { role: true } },
      opds: { select: { opdId: true } },
    },
  });
  const items = evaluation
    ? await tx.checklistItem.findMany({
      where: { workspaceId, evaluationId: evaluation.id, status: { in: [...AWAITING_ASSIGNEE] } },
      select: { id: true, opdId: true, stage: true, dueDate: true, assigneeId: true },
    })
    : [];
  return {
    timeZone: workspace.timeZone,
    holidays: loadHolidayCalendar().dates,
    evaluationId: evaluation?.id ?? null,
    stages: stages.map((s) => ({ kind: s.kind, dueDate: s.dueDate! })),
    groups: chats.map((c) => ({ chatId: c.telegramChatId, opdId: c.opdId, settings: parseSettings(c.settings) })),
    privateSettings: parseSettings(workspace.reminderSettings),
    people: members.map((m) => {
      const roles = m.roles.map((r) => r.role);
      return {
        personId: m.person.id,
        chatId: m.person.telegramId,
        reachable: m.person.privateChatAt !== null && m.person.unreachableAt === null,
        isCoordinator: roles.includes('koordinator'),
        picOpdIds: roles.includes('pic') ? m.opds.map((o) => o.opdId) : [],
      };
    }),
    items,
    today: toLocalDate(now, workspace.timeZone),
  };
}

const CHUNK = 500;
const DELIVERY_COLUMNS = ['workspaceId', 'key', 'kind', 'telegramChatId', 'dueAt', 'payload', 'state', 'attempts', 'createdAt', 'updatedAt'] as const;

/** Makes the workspace's pending reminders match the plan of `now`. Run it inside the change's transaction. */
export async function replanWorkspace(tx: Prisma.TransactionClient, workspaceId: number, now: Date): Promise<ReplanSummary> {
  const input = await loadPlanInput(tx, workspaceId, now);
  const planned = input ? planReminders(input) : [];
  return reconcile(tx, workspaceId, planned, now);
}

async function reconcile(tx: Prisma.TransactionClient, workspaceId: number, planned: PlannedReminder[], now: Date): Promise<ReplanSummary> {
  const pending = await tx.reminderDelivery.findMany({
    where: { workspaceId, state: 'pending' },
    select: { id: true, key: true, dueAt: true, payload: true, telegramChatId: true },
  });
  const pendingByKey = new Map(pending.filter((r) => !r.key.includes(SNOOZE_MARK)).map((r) => [r.key, r]));
  const plannedKeys = new Set(planned.map((p) => p.key));
  // A key already sent, failed or skipped is that occurrence done: it is never planned again (the
  // unique key skips it). Plain multi-row INSERTs: a checklist import can plan 50 000 reminders;
  // between them timers and network I/O run (database work waits for this transaction).
  const fresh = planned.filter((p) => !pendingByKey.has(p.key) && p.dueAt >= now);
  const created = await insertAll(tx, 'ReminderDelivery', DELIVERY_COLUMNS, fresh.map((p) => ({
    workspaceId, key: p.key, kind: p.kind, telegramChatId: p.chatId, dueAt: p.dueAt, payload: JSON.stringify(p.payload),
    state: 'pending', attempts: 0, createdAt: now, updatedAt: now,
  })), { skipExisting: 'key', between: () => nextTurn() });
  let updated = 0;
  for (const p of planned) {
    const row = pendingByKey.get(p.key);
    if (!row) continue;
    const payload = JSON.stringify(p.payload);
    if (row.dueAt.getTime() === p.dueAt.getTime() && row.payload === payload && row.telegramChatId === p.chatId) continue;
    await tx.reminderDelivery.update({ where: { id: row.id }, data: { dueAt: p.dueAt, payload, telegramChatId: p.chatId } });
    updated++;
  }
  // Pending rows the plan no longer has (a moved deadline, a finished item, a setting turned off).
  const stale = [...pendingByKey.values()].filter((r) => !plannedKeys.has(r.key)).map((r) => r.id);
  for (let i = 0; i < stale.length; i += CHUNK) {
    await tx.reminderDelivery.deleteMany({ where: { id: { in: stale.slice(i, i + CHUNK) } } });
  }
  return { created, updated, removed: stale.length };
}

/** Replans every workspace (on start-up and daily: holidays may have been edited, digests roll on). */
export async function replanAll(db: Db, now: Date): Promise<ReplanSummary> {
  const total = { created: 0, updated: 0, removed: 0 };
  for (const { id } of await db.workspace.findMany({ select: { id: true } })) {
    const s = await db.$transaction((tx) => replanWorkspace(tx, id, now));
    total.created += s.created; total.updated += s.updated; total.removed += s.removed;
  }
  return total;
}
