import type { Role } from '../domain/roles.ts';
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

/** Every workspace the person belongs to, with roles and OPDs: one query. */
export async function findMemberships(db: Db, personId: number): Promise<Membership[]> {
  const rows = await db.member.findMany({
    where: { personId, removedAt: null },
    include: { workspace: { select: { name: true, slug: true } }, roles: true, opds: true },
    orderBy: { workspaceId: 'asc' },
  });
  return rows.map((m) => ({
    memberId: m.id,
    workspaceId: m.workspaceId,
    workspaceName: m.workspace.name,
    workspaceSlug: m.workspace.slug,
    roles: m.roles.map((r) => r.role as Role),
    opdIds: m.opds.map((o) => o.opdId),
  }));
}

/** Adds a role (and an OPD for a PIC) to a person's membership, creating it if needed. */
export async function grantRole(db: Queryable, workspaceId: number, personId: number, role: Role, opdId: number | null) {
  const member = await db.member.upsert({
    where: { workspaceId_personId: { workspaceId, personId } },
    create: { workspaceId, personId },
    update: { removedAt: null },
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
