import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';

export async function listOpds(db: Db, workspaceId: number) {
  return db.opd.findMany({ where: { workspaceId }, orderBy: { code: 'asc' } });
}

export async function findOpdByCode(db: Db, workspaceId: number, code: string) {
  return db.opd.findUnique({ where: { workspaceId_code: { workspaceId, code: code.trim().toLowerCase() } } });
}

export async function findOpdsByIds(db: Db, workspaceId: number, ids: number[]) {
  return db.opd.findMany({ where: { workspaceId, id: { in: ids } }, orderBy: { code: 'asc' } });
}

export class OpdExistsError extends Error {}

export async function createOpd(db: Db, workspaceId: number, code: string, name: string, actor: Actor) {
  const clean = code.trim().toLowerCase();
  if (await findOpdByCode(db, workspaceId, clean)) throw new OpdExistsError(`OPD "${clean}" sudah ada.`);
  return db.$transaction(async (tx) => {
    const opd = await tx.opd.create({ data: { workspaceId, code: clean, name: name.trim() } });
    await recordAudit(tx, actor, { workspaceId, action: 'opd.create', entity: 'opd', entityId: opd.id, detail: { code: clean, name } });
    return opd;
  });
}
