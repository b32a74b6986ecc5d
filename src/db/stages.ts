import type { Stage } from '../domain/stages.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';

export async function listStages(db: Db, evaluationId: number) {
  return db.stage.findMany({ where: { evaluationId } });
}

export interface StageDate {
  evaluationId: number;
  workspaceId: number;
  stage: Stage;
  dueDate: string;
  dueTime: string | null;
}

/** Sets a stage's deadline (and the event's hour), audited with the value it replaced. */
export async function setStageDate(db: Db, input: StageDate, actor: Actor, now: Date) {
  return db.$transaction(async (tx) => {
    const before = await tx.stage.findUnique({ where: { evaluationId_kind: { evaluationId: input.evaluationId, kind: input.stage } } });
    const data = { dueDate: input.dueDate, dueTime: input.dueTime };
    await tx.stage.upsert({
      where: { evaluationId_kind: { evaluationId: input.evaluationId, kind: input.stage } },
      create: { evaluationId: input.evaluationId, kind: input.stage, ...data },
      update: data,
    });
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'stage.schedule', entity: 'stage', entityId: `${input.evaluationId}:${input.stage}`,
      detail: { dari: before ? { tanggal: before.dueDate, jam: before.dueTime } : null, ke: { tanggal: input.dueDate, jam: input.dueTime } },
    });
    // The new deadline's reminders replace the old one's pending rows, in this same transaction.
    await replanWorkspace(tx, input.workspaceId, now);
  });
}
