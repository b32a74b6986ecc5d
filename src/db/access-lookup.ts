// What every update needs before anything else: the sender's person row, their live memberships
// (workspace, roles, OPDs) and the group's link. Written as two plain SQL queries because they
// run for every message and button: through Prisma's query builder the same reads are seven
// statements, each compiled and mapped (about 0,7 ms of CPU apiece on PostgreSQL); here they are
// two, run side by side. Column types come back typed on both databases (ids as numbers,
// Telegram ids as bigint, times as Date), as Prisma maps raw results by the columns' types.
import type { Role } from '../domain/roles.ts';
import type { Db } from './client.ts';
import { queryRaw } from './raw-sql.ts';

export interface AccessWorkspace { id: number; name: string; slug: string; timeZone: string; targetUnits: number | null }

export interface SenderMembership { memberId: number; workspace: AccessWorkspace; roles: Role[]; opdIds: number[] }

export interface Sender {
  /** null for someone the bot has never seen */
  person: { id: number; displayName: string; username: string | null; activeWorkspaceId: number | null } | null;
  /** live memberships, by workspace id */
  memberships: SenderMembership[];
}

interface SenderRow {
  personId: number; displayName: string; username: string | null; activeWorkspaceId: number | null;
  memberId: number | null; workspaceId: number | null; name: string | null; slug: string | null; timeZone: string | null; targetUnits: number | null;
  role: string | null; opdId: number | null;
}

// One row per (membership × role × OPD); a member has one or two of each, so a handful of rows.
const SENDER_SQL = `SELECT p."id" AS "personId", p."displayName", p."username", p."activeWorkspaceId",
  m."id" AS "memberId", w."id" AS "workspaceId", w."name", w."slug", w."timeZone", w."targetUnits", r."role", o."opdId"
FROM "Person" p
LEFT JOIN "Member" m ON m."personId" = p."id" AND m."removedAt" IS NULL
LEFT JOIN "Workspace" w ON w."id" = m."workspaceId"
LEFT JOIN "MemberRole" r ON r."memberId" = m."id"
LEFT JOIN "MemberOpd" o ON o."memberId" = m."id"
WHERE p."telegramId" = ?
ORDER BY w."id", r."role", o."opdId"`;

export async function findSender(db: Db, telegramId: bigint): Promise<Sender> {
  const rows = await queryRaw<SenderRow>(db, SENDER_SQL, telegramId);
  const first = rows[0];
  if (!first) return { person: null, memberships: [] };
  const byMember = new Map<number, SenderMembership>();
  for (const row of rows) {
    if (row.memberId === null || row.workspaceId === null) continue;
    let membership = byMember.get(Number(row.memberId));
    if (!membership) {
      membership = {
        memberId: Number(row.memberId), roles: [], opdIds: [],
        workspace: { id: Number(row.workspaceId), name: row.name!, slug: row.slug!, timeZone: row.timeZone!, targetUnits: row.targetUnits === null ? null : Number(row.targetUnits) },
      };
      byMember.set(membership.memberId, membership);
    }
    if (row.role !== null && !membership.roles.includes(row.role as Role)) membership.roles.push(row.role as Role);
    if (row.opdId !== null && !membership.opdIds.includes(Number(row.opdId))) membership.opdIds.push(Number(row.opdId));
  }
  return {
    person: {
      id: Number(first.personId), displayName: first.displayName, username: first.username,
      activeWorkspaceId: first.activeWorkspaceId === null ? null : Number(first.activeWorkspaceId),
    },
    memberships: [...byMember.values()],
  };
}

interface ChatRow { inactiveAt: Date | null; workspaceId: number; name: string; slug: string; timeZone: string; targetUnits: number | null }

const CHAT_SQL = `SELECT c."inactiveAt", w."id" AS "workspaceId", w."name", w."slug", w."timeZone", w."targetUnits"
FROM "Chat" c JOIN "Workspace" w ON w."id" = c."workspaceId"
WHERE c."telegramChatId" = ?`;

/** The workspace a group is linked to, and whether the link is still live; null if never linked. */
export async function findChatLink(db: Db, telegramChatId: bigint): Promise<{ inactive: boolean; workspace: AccessWorkspace } | null> {
  const [row] = await queryRaw<ChatRow>(db, CHAT_SQL, telegramChatId);
  if (!row) return null;
  return {
    inactive: row.inactiveAt !== null,
    workspace: { id: Number(row.workspaceId), name: row.name, slug: row.slug, timeZone: row.timeZone, targetUnits: row.targetUnits === null ? null : Number(row.targetUnits) },
  };
}
