import type { Stage, StageValues } from '../domain/stages.ts';
import { parseStage } from '../domain/stages.ts';
import type { Db } from './client.ts';
import type { StoredFramework } from './frameworks.ts';
import { findFrameworkById } from './frameworks.ts';

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

/** Everything the index engine needs about one evaluation, in two queries. */
export async function loadEvaluationContext(db: Db, workspaceId: number, year?: number): Promise<EvaluationContext> {
  const evaluation = await findEvaluation(db, workspaceId, year);
  if (!evaluation) {
    throw new EvaluationNotFoundError(year === undefined ? 'Workspace ini belum memiliki evaluasi.' : `Tidak ada evaluasi tahun ${year}.`);
  }
  const framework = await findFrameworkById(db, evaluation.frameworkId);
  if (!framework) throw new EvaluationNotFoundError(`Kerangka evaluasi ${evaluation.frameworkId} tidak ditemukan.`);
  const scores = await db.score.findMany({
    where: { evaluationId: evaluation.id },
    select: { stage: true, value: true, indicator: { select: { no: true } } },
  });
  const recorded = new Map<Stage, Map<number, number>>();
  for (const s of scores) {
    const stage = parseStage(s.stage);
    if (!stage) continue;
    if (!recorded.has(stage)) recorded.set(stage, new Map());
    recorded.get(stage)!.set(s.indicator.no, s.value);
  }
  return { evaluation, framework, recorded };
}
