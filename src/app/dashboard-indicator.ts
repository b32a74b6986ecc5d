// The dashboard's indicator page (issue 14): one indicator's value at every stage, the value its
// verified evidence supports, the OPDs that own it and the checklist items behind it, as /skor
// shows them (any member of the workspace may read it).
import { listIndicatorItems } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import { findEvaluation, loadEvaluationContext } from '../db/evaluations.ts';
import { findIndicatorOwners } from '../db/owners.ts';
import type { ItemStatus } from '../domain/checklists.ts';
import { STATUS_LABELS } from '../domain/checklists.ts';
import { formatDecimal } from '../domain/decimal.ts';
import { evidenceBackedLevel, evidenceValue } from '../domain/evidence-level.ts';
import { effectiveValues, latestScoredStage, STAGE_LABELS, STAGES } from '../domain/stages.ts';
import { valueWithBand } from '../domain/value-labels.ts';
import type { DashboardViewer } from './dashboard.ts';

export interface IndicatorPage {
  no: number;
  name: string;
  aspect: string;
  domain: string | null;
  /** weight in percent, as /skor writes it */
  weight: string;
  /** the value at each stage; carried: none recorded there, the earlier stage's holds */
  stages: { label: string; value: string | null; carried: boolean }[];
  /** what the verified items' levels support, when any item has a level */
  evidence: { level: number; value: string } | null;
  owners: string[];
  items: { id: number; title: string; opd: string; level: number | null; status: ItemStatus; statusLabel: string }[];
}

export async function dashboardIndicatorPage(db: Db, viewer: DashboardViewer, no: number): Promise<IndicatorPage | null> {
  if (!(await findEvaluation(db, viewer.workspace.id))) return null;
  const ev = await loadEvaluationContext(db, viewer.workspace.id);
  const fw = ev.framework.def;
  const indicator = fw.indicators.find((i) => i.no === no);
  if (!indicator) return null;
  const aspect = fw.aspects.find((a) => a.no === indicator.aspectNo)!;
  const indicatorId = ev.framework.indicatorIds.get(no)!;
  const [owners, items] = await Promise.all([
    findIndicatorOwners(db, viewer.workspace.id, indicatorId), listIndicatorItems(db, viewer.workspace.id, ev.evaluation.id, indicatorId),
  ]);
  const latest = latestScoredStage(ev.recorded);
  const current = latest ? effectiveValues(ev.recorded, latest).get(no) : undefined;
  const level = evidenceBackedLevel(items.map((i) => ({ level: i.level, status: i.status as ItemStatus })));
  return {
    no, name: indicator.name, aspect: aspect.name, domain: fw.domains.find((d) => d.no === aspect.domainNo)?.name ?? null,
    weight: formatDecimal(indicator.weight, 2, 0),
    stages: STAGES.map((stage) => {
      const own = ev.recorded.get(stage)?.get(no) ?? null;
      const value = effectiveValues(ev.recorded, stage).get(no) ?? null;
      return { label: STAGE_LABELS[stage], value: value === null ? null : valueWithBand(fw, indicator, value), carried: own === null && value !== null };
    }),
    evidence: level === null ? null : { level, value: valueWithBand(fw, indicator, evidenceValue(fw, level, current)) },
    owners: owners.map((o) => o.name),
    items: items.map((i) => ({ id: i.id, title: i.title, opd: i.opd.code, level: i.level, status: i.status as ItemStatus, statusLabel: STATUS_LABELS[i.status as ItemStatus] })),
  };
}
