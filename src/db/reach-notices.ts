// PICs whose private reminders cannot reach them: Telegram lets a bot write only to people who
// started it, and someone who blocked it answers 403. Their work is still theirs, so the group
// that gets the stage reminder or the weekly digest names them, with the link to start the bot,
// once per person per day (ReachNotice), whatever the number of group messages that day.
import { AWAITING_ASSIGNEE } from '../domain/checklists.ts';
import type { Db } from './client.ts';
import { executeRaw } from './raw-sql.ts';

export interface UnreachablePic {
  name: string;
  opdName: string;
}

/**
 * The PICs of `opdId` (or of every OPD, for a workspace-wide group) with open work in the
 * evaluation who cannot be written to privately and were not yet named today; each is recorded
 * as named today. Returned in name order.
 */
export async function claimUnreachablePics(db: Db, workspaceId: number, evaluationId: number, opdId: number | null, day: string): Promise<UnreachablePic[]> {
  const members = await db.member.findMany({
    where: {
      workspaceId, removedAt: null, roles: { some: { role: 'pic' } },
      person: { OR: [{ privateChatAt: null }, { unreachableAt: { not: null } }] },
      ...(opdId === null ? {} : { opds: { some: { opdId } } }),
    },
    select: { personId: true, person: { select: { displayName: true } }, opds: { select: { opdId: true, opd: { select: { name: true } } } } },
    orderBy: { person: { displayName: 'asc' } },
  });
  const named: UnreachablePic[] = [];
  for (const member of members) {
    const opds = member.opds.filter((o) => opdId === null || o.opdId === opdId);
    // Open work of theirs: assigned to them, or unassigned in their OPD (where PICs are reminded).
    const open = await db.checklistItem.count({
      where: {
        workspaceId, evaluationId, status: { in: [...AWAITING_ASSIGNEE] },
        OR: [{ assigneeId: member.personId }, { assigneeId: null, opdId: { in: opds.map((o) => o.opdId) } }],
      },
    });
    if (open === 0) continue;
    const first = await executeRaw(db, 'INSERT INTO "ReachNotice" ("workspaceId", "personId", "day") VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      workspaceId, member.personId, day);
    if (first === 1) named.push({ name: member.person.displayName, opdName: opds.map((o) => o.opd.name).join(', ') });
  }
  return named;
}
