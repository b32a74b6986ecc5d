import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';
import { moveChatDeliveries } from './reminder-deliveries.ts';
import { replanWorkspace } from './reminder-plan.ts';

export async function findChat(db: Db, telegramChatId: bigint) {
  return db.chat.findUnique({ where: { telegramChatId }, include: { workspace: true } });
}

export interface ChatLink {
  workspaceId: number;
  telegramChatId: bigint;
  title: string | null;
  type: string;
  opdId: number | null;
}

export type LinkOutcome = { kind: 'linked' | 'relinked' } | { kind: 'taken'; workspaceName: string };

/** Links a group to a workspace; a group already linked to another workspace is refused. */
export async function linkChat(db: Db, link: ChatLink, actor: Actor, now: Date): Promise<LinkOutcome> {
  return db.$transaction(async (tx) => {
    const existing = await tx.chat.findUnique({ where: { telegramChatId: link.telegramChatId }, include: { workspace: true } });
    if (existing && existing.workspaceId !== link.workspaceId && existing.inactiveAt === null) {
      return { kind: 'taken', workspaceName: existing.workspace.name };
    }
    const data = { workspaceId: link.workspaceId, title: link.title, type: link.type, opdId: link.opdId, inactiveAt: null };
    await tx.chat.upsert({ where: { telegramChatId: link.telegramChatId }, create: { telegramChatId: link.telegramChatId, ...data }, update: data });
    await recordAudit(tx, actor, {
      workspaceId: link.workspaceId, action: 'chat.link', entity: 'chat', entityId: link.telegramChatId.toString(),
      detail: { title: link.title, opdId: link.opdId },
    });
    // the group gets the stage reminders and the weekly digest from now on
    await replanWorkspace(tx, link.workspaceId, now);
    return { kind: existing ? 'relinked' : 'linked' };
  });
}

export type MoveOutcome =
  /** the link now points at the new id, with its settings and OPD */
  | { kind: 'moved'; workspaceId: number }
  /** both ids were linked (a second /hubungkan): the old link is retired, the new one kept */
  | { kind: 'merged'; workspaceId: number }
  /** nothing linked at the old id: moved already, or never linked */
  | { kind: 'none' };

/**
 * A group became a supergroup (Telegram's service messages migrate_to_chat_id in the old group and
 * migrate_from_chat_id in the new one, or a 400 migrate_to_chat_id to a send): its link and its
 * reminder rows follow it to the new id, and its workspace is replanned, in one transaction. Every
 * signal calls this; whichever comes first moves, the others find nothing left to move.
 */
export async function moveChatId(db: Db, fromId: bigint, toId: bigint, now: Date, title?: string): Promise<MoveOutcome> {
  if (fromId === toId) return { kind: 'none' };
  return db.$transaction(async (tx) => {
    const chat = await tx.chat.findUnique({ where: { telegramChatId: fromId } });
    const target = await tx.chat.findUnique({ where: { telegramChatId: toId } });
    let outcome: MoveOutcome = { kind: 'none' };
    if (chat && !target) {
      await tx.chat.update({ where: { id: chat.id }, data: { telegramChatId: toId, type: 'supergroup', ...(title ? { title } : {}) } });
      outcome = { kind: 'moved', workspaceId: chat.workspaceId };
    } else if (chat && target && chat.inactiveAt === null) {
      // Two links to one group would send it everything twice; the newer was an admin's choice.
      await tx.chat.update({ where: { id: chat.id }, data: { inactiveAt: now } });
      outcome = { kind: 'merged', workspaceId: target.workspaceId };
    }
    if (chat && outcome.kind !== 'none') {
      await recordAudit(tx, { via: 'system', personId: null }, {
        workspaceId: chat.workspaceId, action: 'chat.migrate', entity: 'chat', entityId: toId.toString(),
        detail: { dari: fromId.toString(), ...(outcome.kind === 'merged' ? { digabung: true } : {}) },
      });
    }
    const deliveries = await moveChatDeliveries(tx, fromId, toId);
    const workspaces = new Set([...deliveries.workspaceIds, ...(chat ? [chat.workspaceId] : []), ...(target ? [target.workspaceId] : [])]);
    if (outcome.kind !== 'none' || deliveries.moved + deliveries.dropped > 0) {
      for (const workspaceId of workspaces) await replanWorkspace(tx, workspaceId, now);
    }
    return outcome;
  });
}

/** The basic groups (not yet supergroups) linked to a workspace, the ones that may have been upgraded. */
export async function findLinkedBasicGroups(db: Db, workspaceId: number, limit: number) {
  return db.chat.findMany({ where: { workspaceId, type: 'group', inactiveAt: null }, orderBy: { id: 'asc' }, take: limit });
}

/**
 * Telegram answered 403: a group that removed the bot goes inactive; a person who blocked it is
 * unreachable. The first time only, each reachable coordinator of the workspaces concerned gets a
 * notice, queued in the same transaction (so it is sent once, even after a crash).
 */
export async function markUnreachable(db: Db, telegramChatId: bigint, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const notices: { workspaceId: number; subject: string; subjectKind: 'group' | 'person' }[] = [];
    if (telegramChatId > 0n) {
      const person = await tx.person.findUnique({ where: { telegramId: telegramChatId }, include: { memberships: { where: { removedAt: null } } } });
      if (!person || person.unreachableAt !== null) return;
      await tx.person.update({ where: { id: person.id }, data: { unreachableAt: at, privateChatAt: null } });
      for (const m of person.memberships) notices.push({ workspaceId: m.workspaceId, subject: person.displayName, subjectKind: 'person' });
    } else {
      const chat = await tx.chat.findUnique({ where: { telegramChatId } });
      if (!chat || chat.inactiveAt !== null) return;
      await tx.chat.update({ where: { id: chat.id }, data: { inactiveAt: at } });
      notices.push({ workspaceId: chat.workspaceId, subject: chat.title ?? String(telegramChatId), subjectKind: 'group' });
    }
    for (const notice of notices) {
      const coordinators = await tx.member.findMany({
        where: {
          workspaceId: notice.workspaceId, removedAt: null, roles: { some: { role: 'koordinator' } },
          person: { privateChatAt: { not: null }, unreachableAt: null, telegramId: { not: telegramChatId } },
        },
        select: { person: { select: { id: true, telegramId: true } } },
      });
      if (coordinators.length === 0) continue;
      await tx.reminderDelivery.createMany({
        data: coordinators.map(({ person }) => ({
          workspaceId: notice.workspaceId, key: `unreachable:${telegramChatId}:${at.toISOString()}:w${notice.workspaceId}:p${person.id}`, kind: 'unreachable',
          telegramChatId: person.telegramId, dueAt: at, payload: JSON.stringify({ subject: notice.subject, subjectKind: notice.subjectKind }),
        })),
      });
    }
  });
}
