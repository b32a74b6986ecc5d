import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';

/** The OPDs that own an indicator's evidence in this workspace. */
export async function findIndicatorOwners(db: Db, workspaceId: number, indicatorId: number) {
  // The OPD rows in one statement (the query builder sends two): /skor and the dashboard read this.
  const rows = await db.opd.findMany({ where: { workspaceId, owners: { some: { workspaceId, indicatorId } } } });
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}

/** Replaces an indicator's owning OPDs in this workspace (the editable ownership map). */
export async function setIndicatorOwners(db: Db, workspaceId: number, indicatorId: number, opdIds: number[], actor: Actor) {
  await db.$transaction(async (tx) => {
    const before = await tx.indicatorOwner.findMany({ where: { workspaceId, indicatorId }, select: { opdId: true } });
    await tx.indicatorOwner.deleteMany({ where: { workspaceId, indicatorId } });
    await tx.indicatorOwner.createMany({ data: opdIds.map((opdId) => ({ workspaceId, indicatorId, opdId })) });
    await recordAudit(tx, actor, {
      workspaceId, action: 'owners.set', entity: 'indicator', entityId: indicatorId,
      detail: { dari: before.map((b) => b.opdId), ke: opdIds },
    });
  });
}

export async function listOwnerMap(db: Db, workspaceId: number) {
  return db.indicatorOwner.findMany({ where: { workspaceId }, include: { opd: true, indicator: { select: { no: true } } } });
}
