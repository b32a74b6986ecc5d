import type { Role } from '../domain/roles.ts';
import { STAGES } from '../domain/stages.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';

export class WorkspaceExistsError extends Error {}

export interface NewWorkspace {
  slug: string;
  name: string;
  timeZone: string;
  targetUnits: number | null;
  frameworkId: number;
  year: number;
  admin: { telegramId: bigint; displayName: string } | null;
}

/** A workspace with its first evaluation, the five stage rows and, optionally, its first admin. */
export async function createWorkspace(db: Db, input: NewWorkspace, actor: Actor) {
  if (await db.workspace.findUnique({ where: { slug: input.slug } })) {
    throw new WorkspaceExistsError(`Workspace "${input.slug}" sudah ada.`);
  }
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { slug: input.slug, name: input.name, timeZone: input.timeZone, targetUnits: input.targetUnits },
    });
    const evaluation = await tx.evaluation.create({
      data: {
        workspaceId: workspace.id, frameworkId: input.frameworkId, year: input.year,
        stages: { create: STAGES.map((kind) => ({ kind })) },
      },
    });
    let adminPersonId: number | null = null;
    if (input.admin) {
      const person = await tx.person.upsert({
        where: { telegramId: input.admin.telegramId },
        create: { telegramId: input.admin.telegramId, displayName: input.admin.displayName },
        update: {},
      });
      // The person who sets the bot up runs the campaign too: admin and koordinator, so /nilai,
      // /jadwal, /tugaskan and /siapkan work for them without another step.
      const roles: Role[] = ['admin', 'koordinator'];
      await tx.member.create({
        data: { workspaceId: workspace.id, personId: person.id, roles: { create: roles.map((role) => ({ role })) } },
      });
      adminPersonId = person.id;
    }
    await recordAudit(tx, actor, {
      workspaceId: workspace.id, action: 'workspace.create', entity: 'workspace', entityId: workspace.id,
      detail: { ...input, evaluationId: evaluation.id, adminPersonId, admin: input.admin?.telegramId ?? null },
    });
    return { workspace, evaluation };
  });
}

export async function findWorkspaceBySlug(db: Db, slug: string) {
  return db.workspace.findUnique({ where: { slug } });
}

export async function listMembers(db: Db, workspaceId: number) {
  return db.member.findMany({
    where: { workspaceId, removedAt: null },
    include: { person: true, roles: true, opds: { include: { opd: true } } },
    orderBy: { joinedAt: 'asc' },
  });
}

export async function findWorkspaceById(db: Db, id: number) {
  return db.workspace.findUniqueOrThrow({ where: { id } });
}
