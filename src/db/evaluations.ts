import type { Stage, StageValues } from '../domain/stages.ts';
import { parseStage, STAGES } from '../domain/stages.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import { replanWorkspace } from './reminder-plan.ts';
import type { Db } from './client.ts';
import type { StoredFramework } from './frameworks.ts';
import { frameworkWithHash } from './frameworks.ts';
import { queryRaw } from './raw-sql.ts';

export class EvaluationNotFoundError extends Error {}

/** The evaluation of `year`, or the workspace's latest one (the active evaluation). */
export async function findEvaluation(db: Db, workspaceId: number, year?: number) {
  return db.evaluation.findFirst({
    where: { workspaceId, ...(year === undefined ? {} : { year }) },
    orderBy: { year: 'desc' },
  });
}

export interface EvaluationContext {
  evaluation: { id: number; year: number; workspaceId: number };
  framework: StoredFramework;
  /** values (hundredths) recorded per stage, by indicator number */
  recorded: StageValues;
}

interface ContextRow {
  evaluationId: number | bigint; year: number | bigint; frameworkId: number | bigint; contentHash: string;
  stage: string | null; value: number | bigint | null; no: number | bigint | null;
}

// The evaluation, its framework's content hash and every score in one round trip: this runs for
// nearly every command, and on PostgreSQL each query costs about a millisecond of the reply.
const CONTEXT_SQL = `SELECT e."id" AS "evaluationId", e."year", e."frameworkId", f."contentHash", s."stage", s."value", i."no"
FROM "Evaluation" e
JOIN "Framework" f ON f."id" = e."frameworkId"
LEFT JOIN "Score" s ON s."evaluationId" = e."id"
LEFT JOIN "Indicator" i ON i."id" = s."indicatorId"
WHERE e."id" = (SELECT "id" FROM "Evaluation" WHERE "workspaceId" = ? AND (? = 0 OR "year" = ?) ORDER BY "year" DESC LIMIT 1)`;

/** Everything the index engine needs about one evaluation: one query, plus the framework's tree when it changed. */
export async function loadEvaluationContext(db: Db, workspaceId: number, year?: number): Promise<EvaluationContext> {
  const rows = await queryRaw<ContextRow>(db, CONTEXT_SQL, workspaceId, year ?? 0, year ?? 0);
  const head = rows[0];
  if (!head) {
    throw new EvaluationNotFoundError(year === undefined ? 'Workspace ini belum memiliki evaluasi.' : `Tidak ada evaluasi tahun ${year}.`);
  }
  const evaluation = { id: Number(head.evaluationId), year: Number(head.year), workspaceId, frameworkId: Number(head.frameworkId) };
  const framework = await frameworkWithHash(db, evaluation.frameworkId, head.contentHash);
  if (!framework) throw new EvaluationNotFoundError(`Kerangka evaluasi ${evaluation.frameworkId} tidak ditemukan.`);
  const recorded = new Map<Stage, Map<number, number>>();
  for (const row of rows) {
    const stage = row.stage === null ? null : parseStage(row.stage);
    if (!stage || row.no === null || row.value === null) continue;
    if (!recorded.has(stage)) recorded.set(stage, new Map());
    recorded.get(stage)!.set(Number(row.no), Number(row.value));
  }
  return { evaluation, framework, recorded };
}

const HEAD_SQL = `SELECT e."id", e."year", e."frameworkId", f."contentHash"
FROM "Evaluation" e JOIN "Framework" f ON f."id" = e."frameworkId"
WHERE e."workspaceId" = ? ORDER BY e."year" DESC LIMIT 1`;

/**
 * The workspace's latest evaluation and its framework, without the scores: one query (the
 * framework's tree from the cache while its hash is unchanged). Null when it has none.
 */
export async function loadEvaluationHead(db: Db, workspaceId: number): Promise<Omit<EvaluationContext, 'recorded'> | null> {
  const [row] = await queryRaw<{ id: number; year: number; frameworkId: number; contentHash: string }>(db, HEAD_SQL, workspaceId);
  if (!row) return null;
  const framework = await frameworkWithHash(db, Number(row.frameworkId), row.contentHash);
  if (!framework) return null;
  return { evaluation: { id: Number(row.id), year: Number(row.year), workspaceId }, framework };
}

export class EvaluationExistsError extends Error {}

/**
 * A new year's evaluation for a workspace, with its five stage rows (undated): from now on the
 * active one (the latest year). Audited; the reminders are replanned for it (the previous year's
 * stage reminders are no longer due).
 */
export async function createEvaluation(db: Db, input: { workspaceId: number; frameworkId: number; year: number; now: Date }, actor: Actor) {
  return db.$transaction(async (tx) => {
    if (await tx.evaluation.findUnique({ where: { workspaceId_year: { workspaceId: input.workspaceId, year: input.year } } })) {
      throw new EvaluationExistsError(`Evaluasi ${input.year} sudah ada`);
    }
    const evaluation = await tx.evaluation.create({
      data: { workspaceId: input.workspaceId, frameworkId: input.frameworkId, year: input.year, stages: { create: STAGES.map((kind) => ({ kind })) } },
    });
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'evaluation.create', entity: 'evaluation', entityId: evaluation.id,
      detail: { year: input.year, frameworkId: input.frameworkId },
    });
    await replanWorkspace(tx, input.workspaceId, input.now);
    return evaluation;
  });
}
