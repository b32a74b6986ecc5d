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
