// Everything the leadership report needs about one evaluation, read in one go and handed to the
// pure report model (domain/report.ts) as plain values.
import type { ItemStatus } from '../domain/checklists.ts';
import { effectiveDueDate } from '../domain/checklists.ts';
import { formatIsoDate, toLocalDate } from '../domain/dates.ts';
import type { PastYearInput, ReportInput } from '../domain/report.ts';
import { parseStage } from '../domain/stages.ts';
import { listExternalValues } from './external-values.ts';
import type { Db } from './client.ts';
import { loadEvaluationContext } from './evaluations.ts';
import { listFrameworkDefs } from './frameworks.ts';
import { listPastResults } from './history.ts';

export class ReportWorkspaceNotFoundError extends Error {}

/** Past yearly results of a workspace, ascending by year, as the report reads them. */
export async function loadPastResults(db: Db, workspaceId: number): Promise<PastYearInput[]> {
  return (await listPastResults(db, workspaceId)).map((r) => ({
    year: r.year, totalUnits: r.indexUnits, predicate: r.predicate, frameworkCode: r.frameworkCode, domains: r.domains, source: r.source,
  }));
}

/**
 * Reads one evaluation (the workspace's latest unless `year` is given) with its checklist, score
 * history, owners and past results. Throws EvaluationNotFoundError without an evaluation.
 */
export async function loadReportInput(db: Db, workspaceId: number, now: Date, year?: number): Promise<ReportInput> {
  const ws = await db.workspace.findUnique({ where: { id: workspaceId } });
  if (!ws) throw new ReportWorkspaceNotFoundError(`Workspace ${workspaceId} tidak ditemukan.`);
  const ev = await loadEvaluationContext(db, workspaceId, year);
  const evaluationId = ev.evaluation.id;
  const [opds, items, stages, changes, owners, history, frameworks, external] = await Promise.all([
    db.opd.findMany({ where: { workspaceId }, orderBy: { code: 'asc' }, select: { code: true, name: true } }),
    db.checklistItem.findMany({
      where: { workspaceId, evaluationId },
      select: {
        id: true, title: true, status: true, stage: true, level: true, dueDate: true,
        opd: { select: { code: true } }, indicator: { select: { no: true } }, assignee: { select: { displayName: true } },
      },
      orderBy: { id: 'asc' },
    }),
    db.stage.findMany({ where: { evaluationId }, select: { kind: true, dueDate: true } }),
    db.scoreChange.findMany({
      where: { evaluationId },
      select: { createdAt: true, stage: true, oldValue: true, newValue: true, note: true, source: true, indicator: { select: { no: true } }, author: { select: { displayName: true } } },
      orderBy: { id: 'asc' },
    }),
    db.indicatorOwner.findMany({ where: { workspaceId }, select: { opd: { select: { code: true } }, indicator: { select: { no: true } } } }),
    loadPastResults(db, workspaceId),
    listFrameworkDefs(db),
    listExternalValues(db, ev.evaluation.id),
  ]);
  const stageDue = new Map(stages.map((s) => [s.kind, s.dueDate]));
  const ownerMap = new Map<number, string[]>();
  for (const o of owners) ownerMap.set(o.indicator.no, [...(ownerMap.get(o.indicator.no) ?? []), o.opd.code].sort());
  return {
    workspaceName: ws.name,
    timeZone: ws.timeZone,
    targetUnits: ws.targetUnits,
    year: ev.evaluation.year,
    framework: ev.framework.def,
    frameworks,
    recorded: ev.recorded,
    opds,
    items: items.map((i) => ({
      id: i.id,
      opdCode: i.opd.code,
      indicatorNo: i.indicator?.no ?? null,
      stage: i.stage === null ? null : parseStage(i.stage),
      level: i.level,
      title: i.title,
      status: i.status as ItemStatus,
      due: effectiveDueDate(i.dueDate, i.stage === null ? null : stageDue.get(i.stage) ?? null),
      assignee: i.assignee?.displayName ?? null,
    })),
    scoreChanges: changes.flatMap((c) => {
      const stage = parseStage(c.stage);
      return stage === null ? [] : [{
        at: c.createdAt, indicatorNo: c.indicator.no, stage, oldValue: c.oldValue, newValue: c.newValue,
        note: c.note, author: c.author?.displayName ?? null, source: c.source,
      }];
    }),
    history,
    owners: ownerMap,
    externalRecorded: new Set(external.keys()),
    today: formatIsoDate(toLocalDate(now, ws.timeZone)),
    generatedAt: now,
  };
}
