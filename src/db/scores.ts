import type { ScoreRow } from '../domain/score-import.ts';
import type { Stage } from '../domain/stages.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db, Queryable } from './client.ts';

export interface ScoreImportPlan {
  created: number;
  changed: number;
  unchanged: number;
}

interface ImportInput {
  evaluationId: number;
  workspaceId: number;
  stage: Stage;
  /** indicator number → database id of the evaluation's framework */
  indicatorIds: ReadonlyMap<number, number>;
  rows: readonly ScoreRow[];
}

/** Compares the rows with what is stored: what an import would create, change and leave alone. */
async function diffScores(db: Queryable, input: ImportInput) {
  const stored = await db.score.findMany({ where: { evaluationId: input.evaluationId, stage: input.stage } });
  const byIndicator = new Map(stored.map((s) => [s.indicatorId, s]));
  return input.rows.map((row) => {
    const indicatorId = input.indicatorIds.get(row.indicatorNo)!;
    const before = byIndicator.get(indicatorId) ?? null;
    const same = before !== null && before.level === row.level && (before.note ?? null) === row.note;
    return { row, indicatorId, before, same };
  });
}

function summarise(diff: Awaited<ReturnType<typeof diffScores>>): ScoreImportPlan {
  return {
    created: diff.filter((d) => d.before === null).length,
    changed: diff.filter((d) => d.before !== null && !d.same).length,
    unchanged: diff.filter((d) => d.same).length,
  };
}

export async function planScoreImport(db: Db, input: ImportInput): Promise<ScoreImportPlan> {
  return summarise(await diffScores(db, input));
}

/** Applies every row in one transaction, or none: each change keeps its history and audit entry. */
export async function applyScoreImport(db: Db, input: ImportInput, actor: Actor): Promise<ScoreImportPlan> {
  return db.$transaction(async (tx) => {
    const diff = await diffScores(tx, input);
    const changes = diff.filter((d) => !d.same);
    for (const { row, indicatorId, before } of changes) {
      await tx.score.upsert({
        where: { evaluationId_stage_indicatorId: { evaluationId: input.evaluationId, stage: input.stage, indicatorId } },
        create: { evaluationId: input.evaluationId, stage: input.stage, indicatorId, level: row.level, note: row.note, authorId: actor.personId },
        update: { level: row.level, note: row.note, authorId: actor.personId },
      });
      await tx.scoreChange.create({
        data: {
          evaluationId: input.evaluationId, indicatorId, stage: input.stage, oldLevel: before?.level ?? null,
          newLevel: row.level, note: row.note, authorId: actor.personId, source: actor.via === 'bot' ? 'bot' : 'import',
        },
      });
    }
    if (changes.length > 0) {
      await recordAudit(tx, actor, {
        workspaceId: input.workspaceId, action: 'scores.import', entity: 'evaluation', entityId: input.evaluationId,
        detail: {
          stage: input.stage,
          changes: changes.map((c) => ({ indikator: c.row.indicatorNo, dari: c.before?.level ?? null, ke: c.row.level })),
        },
      });
    }
    return summarise(diff);
  });
}

export async function listScoreChanges(db: Db, evaluationId: number) {
  return db.scoreChange.findMany({
    where: { evaluationId },
    include: { indicator: { select: { no: true } }, author: { select: { displayName: true } } },
    orderBy: { id: 'asc' },
  });
}

export interface RecordScore {
  evaluationId: number;
  workspaceId: number;
  indicatorId: number;
  indicatorNo: number;
  stage: Stage;
  level: number;
  note: string | null;
}

/** One level recorded by a coordinator: the score, its history row and an audit entry. */
export async function recordScore(db: Db, input: RecordScore, actor: Actor): Promise<{ oldLevel: number | null }> {
  return db.$transaction(async (tx) => {
    const key = { evaluationId: input.evaluationId, stage: input.stage, indicatorId: input.indicatorId };
    const before = await tx.score.findUnique({ where: { evaluationId_stage_indicatorId: key } });
    await tx.score.upsert({
      where: { evaluationId_stage_indicatorId: key },
      create: { ...key, level: input.level, note: input.note, authorId: actor.personId },
      update: { level: input.level, note: input.note, authorId: actor.personId },
    });
    await tx.scoreChange.create({
      data: { ...key, oldLevel: before?.level ?? null, newLevel: input.level, note: input.note, authorId: actor.personId, source: actor.via === 'bot' ? 'bot' : 'cli' },
    });
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'score.set', entity: 'score', entityId: `${input.evaluationId}:${input.stage}:${input.indicatorNo}`,
      detail: { indikator: input.indicatorNo, tahap: input.stage, dari: before?.level ?? null, ke: input.level, catatan: input.note },
    });
    return { oldLevel: before?.level ?? null };
  });
}

/** Notes and authors of one indicator's current scores, per stage. */
export async function findIndicatorScores(db: Db, evaluationId: number, indicatorId: number) {
  return db.score.findMany({
    where: { evaluationId, indicatorId },
    include: { author: { select: { displayName: true } } },
  });
}
