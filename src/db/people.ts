import { isOpen, ITEM_STATUSES } from '../domain/checklists.ts';
import { checkInvite } from '../domain/invites.ts';
import type { RemovalCheck } from '../domain/members.ts';
import { checkRemoval } from '../domain/members.ts';
import type { Role } from '../domain/roles.ts';
import { parseTelegramId } from '../domain/workspace-rules.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db, Queryable } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';

export interface TelegramUser {
  id: bigint;
  displayName: string;
  username: string | null;
}

/** Keeps the person's name current; created on first contact. */
export async function upsertPerson(db: Queryable, user: TelegramUser) {
  return db.person.upsert({
    where: { telegramId: user.id },
    create: { telegramId: user.id, displayName: user.displayName, username: user.username },
    update: { displayName: user.displayName, username: user.username },
  });
}

export async function findPersonByTelegramId(db: Db, telegramId: bigint) {
  return db.person.findUnique({ where: { telegramId } });
}

/** The person opened (or reopened) the private chat: from now on they can get private reminders. */
export async function markPrivateChatOpen(db: Db, personId: number, at: Date) {
  await db.$transaction(async (tx) => {
    const before = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { privateChatAt: true, unreachableAt: true } });
    await tx.person.update({ where: { id: personId }, data: { privateChatAt: at, unreachableAt: null } });
    if (before.privateChatAt !== null && before.unreachableAt === null) return; // already reachable: no reminder changes
    const memberships = await tx.member.findMany({ where: { personId, removedAt: null }, select: { workspaceId: true } });
    for (const m of memberships) await replanWorkspace(tx, m.workspaceId, at);
  });
}

export async function setActiveWorkspace(db: Db, personId: number, workspaceId: number) {
  await db.person.update({ where: { id: personId }, data: { activeWorkspaceId: workspaceId } });
}

export interface Membership {
  memberId: number;
  workspaceId: number;
  workspaceName: string;
  workspaceSlug: string;
  roles: Role[];
  opdIds: number[];
}

/** Every workspace the person belongs to, with its row, roles and OPDs. */
export async function findMemberships(db: Db, personId: number): Promise<Membership[]> {
  const rows = await db.member.findMany({
    where: { personId, removedAt: null },
    include: { workspace: true, roles: true, opds: true },
    orderBy: { workspaceId: 'asc' },
  });
  return rows.map((m) => ({
    memberId: m.id,
    workspaceId: m.workspaceId,
    workspaceName: m.workspace.name,
    workspaceSlug: m.workspace.slug,
    roles: m.roles.map((r) => r.role as Role),
    opdIds: m.opds.map((o) => o.opdId),
    workspace: m.workspace,
  }));
}


/**
 * Adds a role (and an OPD for a PIC) to a person's membership, creating it if needed. It never
 * brings back a removed member (an invite must not): only addMember does, when an admin says so.
 */
export async function grantRole(db: Queryable, workspaceId: number, personId: number, role: Role, opdId: number | null) {
  const member = await db.member.upsert({
    where: { workspaceId_personId: { workspaceId, personId } },
    create: { workspaceId, personId },
    update: {},
  });
  await db.memberRole.upsert({
    where: { memberId_role: { memberId: member.id, role } },
    create: { memberId: member.id, role },
    update: {},
  });
  if (opdId !== null) {
    await db.memberOpd.upsert({
      where: { memberId_opdId: { memberId: member.id, opdId } },
      create: { memberId: member.id, opdId },
      update: {},
    });
  }
  return member;
}

/** An admin adding a person with a role, explicitly: the one way back for a removed member. */
export async function addMember(db: Db, workspaceId: number, personId: number, role: Role, opdId: number | null, actor: Actor, now: Date) {
  return db.$transaction(async (tx) => {
    const before = await tx.member.findUnique({ where: { workspaceId_personId: { workspaceId, personId } } });
    const restored = before?.removedAt != null;
    if (restored) await tx.member.update({ where: { id: before.id }, data: { removedAt: null, joinedAt: now } });
    const member = await grantRole(tx, workspaceId, personId, role, opdId);
    await recordAudit(tx, actor, {
      workspaceId, action: restored ? 'member.restore' : 'member.add', entity: 'member', entityId: member.id, detail: { personId, role, opdId },
    });
    await replanWorkspace(tx, workspaceId, now);
    return { restored, isNew: before === null };
  });
}

export type RemoveOutcome =
  | {
    kind: 'removed';
    person: { telegramId: bigint; displayName: string; privateChatAt: Date | null; unreachableAt: Date | null };
    workspaceName: string;
    /** open items they were assigned: now unassigned, so their OPD's PICs are reminded */
    unassignedItemIds: number[];
    revokedInviteIds: number[];
    clearedFlows: number;
    droppedReminders: number;
  }
  | { kind: Exclude<RemovalCheck, 'ok'> };

const OPEN_STATUSES = ITEM_STATUSES.filter(isOpen);

/**
 * Ends a membership for good: the row stays (removedAt, for the audit trail) but its roles and
 * OPDs go, so no query that forgets removedAt finds a role. Their flows here, unused invites and
 * pending private reminders of this workspace go too; their open items become unassigned (closed
 * ones keep their name, as history). The last admin cannot be removed.
 */
export async function removeMember(db: Db, workspaceId: number, personId: number, actor: Actor, now: Date): Promise<RemoveOutcome> {
  return db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({
      where: { workspaceId_personId: { workspaceId, personId } }, include: { roles: true, opds: true, person: true, workspace: true },
    });
    const otherAdmins = await tx.member.count({ where: { workspaceId, removedAt: null, personId: { not: personId }, roles: { some: { role: 'admin' } } } });
    const check = checkRemoval({ member: member && { removedAt: member.removedAt, roles: member.roles.map((r) => r.role) }, otherAdmins });
    if (check !== 'ok' || !member) return { kind: check === 'ok' ? 'not-member' : check };
    const { person } = member;
    await tx.member.update({ where: { id: member.id }, data: { removedAt: now } });
    await tx.memberRole.deleteMany({ where: { memberId: member.id } });
    await tx.memberOpd.deleteMany({ where: { memberId: member.id } });

    const items = await tx.checklistItem.findMany({ where: { workspaceId, assigneeId: personId, status: { in: OPEN_STATUSES } }, select: { id: true } });
    const unassignedItemIds = items.map((i) => i.id);
    if (items.length > 0) await tx.checklistItem.updateMany({ where: { id: { in: unassignedItemIds } }, data: { assigneeId: null } });

    const invites = await tx.invite.findMany({ where: { workspaceId, createdById: personId, revokedAt: null } });
    const revokedInviteIds = invites.filter((i) => checkInvite(i, now) === 'valid').map((i) => i.id);
    if (revokedInviteIds.length > 0) await tx.invite.updateMany({ where: { id: { in: revokedInviteIds } }, data: { revokedAt: now } });

    // Flows carry no workspace: this one's are those in its groups, and in the private chat
    // unless that chat answers for another workspace of theirs (the one they chose).
    const groups = await tx.chat.findMany({ where: { workspaceId }, select: { telegramChatId: true } });
    const elsewhere = await tx.member.count({ where: { personId, removedAt: null, workspaceId: { not: workspaceId } } });
    const privateHere = elsewhere === 0 || person.activeWorkspaceId === workspaceId;
    const chats = [...groups.map((g) => g.telegramChatId), ...(privateHere ? [person.telegramId] : [])];
    const flows = await tx.flowState.deleteMany({ where: { personId, telegramChatId: { in: chats } } });
    if (person.activeWorkspaceId === workspaceId) await tx.person.update({ where: { id: personId }, data: { activeWorkspaceId: null } });

    // Snoozed rows too (a replan keeps those); the planner skips removed members, so none return.
    const reminders = await tx.reminderDelivery.deleteMany({ where: { workspaceId, telegramChatId: person.telegramId, state: 'pending' } });
    await recordAudit(tx, actor, {
      workspaceId, action: 'member.remove', entity: 'member', entityId: member.id,
      detail: {
        personId, telegramId: person.telegramId, roles: member.roles.map((r) => r.role), opdIds: member.opds.map((o) => o.opdId),
        unassignedItemIds, revokedInviteIds, clearedFlows: flows.count, droppedReminders: reminders.count,
      },
    });
    await replanWorkspace(tx, workspaceId, now);
    return {
      kind: 'removed', workspaceName: member.workspace.name, unassignedItemIds, revokedInviteIds, clearedFlows: flows.count, droppedReminders: reminders.count,
      person: { telegramId: person.telegramId, displayName: person.displayName, privateChatAt: person.privateChatAt, unreachableAt: person.unreachableAt },
    };
  });
}

/**
 * The person a CLI --user names in a workspace: a Telegram id, or an @username among those who
 * are or were its members (a username can change hands, so two matches are reported, not guessed).
 */
export async function findPersonByHandle(db: Db, workspaceId: number, handle: string) {
  const telegramId = parseTelegramId(handle);
  if (telegramId !== null) return { kind: 'found', person: await findPersonByTelegramId(db, telegramId) } as const;
  const name = handle.trim().replace(/^@/, '').toLowerCase();
  const members = await db.member.findMany({ where: { workspaceId, person: { username: { not: null } } }, include: { person: true } });
  const matches = members.map((m) => m.person).filter((p) => p.username!.toLowerCase() === name);
  if (matches.length > 1) return { kind: 'ambiguous', people: matches } as const;
  return { kind: 'found', person: matches[0] ?? null } as const;
}
