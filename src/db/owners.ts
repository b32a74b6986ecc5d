import type { Db } from './client.ts';

/** The OPDs that own an indicator's evidence in this workspace. */
export async function findIndicatorOwners(db: Db, workspaceId: number, indicatorId: number) {
  const rows = await db.indicatorOwner.findMany({ where: { workspaceId, indicatorId }, include: { opd: true } });
  return rows.map((r) => r.opd).sort((a, b) => a.code.localeCompare(b.code));
}
